import Foundation
import TestSupport

/// What an independent reader (openpyxl, plus the zip's XML) finds in a workbook. openpyxl is
/// the strictest quick check: it refuses bad chart XML, `NAN` cells and duplicate Tables.
struct ReadWorkbook: Decodable {
    struct TableInfo: Decodable {
        let name: String
        let sheet: String
        let ref: String
        let headers: [String]
    }

    /// A cell as openpyxl sees it: its value as text, its type (`s` string, `n` number, `b`
    /// boolean, `d` date) and its number format.
    struct Cell: Decodable {
        let value: String
        let type: String
        let format: String
    }

    struct ChartInfo: Decodable {
        let file: String
        let title: String
        let kinds: [String]
        let grouping: String
        let formulas: [String]
        let categories: [String]
    }

    struct SheetSetup: Decodable {
        let freeze: String?
        let orientation: String?
        let fitWidth: Int?
        let printTitleRows: String?
        let header: String
        let footer: String
    }

    let sheets: [String]
    let tables: [TableInfo]
    let cells: [String: [String: Cell]]
    let charts: [ChartInfo]
    let setup: [String: SheetSetup]
    let properties: [String: String]

    func table(_ name: String) -> TableInfo? { tables.first { $0.name == name } }
    func cell(_ sheet: String, _ ref: String) -> Cell? { cells[sheet]?[ref] }

    /// The cells of a column of a Table's data rows, by header.
    func column(_ header: String, of tableName: String) -> [Cell?] {
        guard let t = table(tableName), let c = t.headers.firstIndex(of: header) else { return [] }
        let (first, last) = Self.bounds(t.ref)
        let letters = Self.letters(first.column + c)
        return ((first.row + 1)...last.row).map { cells[t.sheet]?["\(letters)\($0)"] }
    }

    /// The data rows of a Table as dictionaries by header.
    func rows(of tableName: String) -> [[String: Cell]] {
        guard let t = table(tableName) else { return [] }
        let (first, last) = Self.bounds(t.ref)
        return ((first.row + 1)...last.row).map { r in
            var row: [String: Cell] = [:]
            for (i, h) in t.headers.enumerated() { row[h] = cells[t.sheet]?["\(Self.letters(first.column + i))\(r)"] }
            return row
        }
    }

    static func bounds(_ ref: String) -> (first: (column: Int, row: Int), last: (column: Int, row: Int)) {
        let parts = ref.split(separator: ":").map(String.init)
        return (parse(parts[0]), parse(parts[1]))
    }

    static func parse(_ a1: String) -> (column: Int, row: Int) {
        let letters = a1.prefix { $0.isLetter }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (column, Int(a1.dropFirst(letters.count))!)
    }

    static func letters(_ column: Int) -> String {
        var n = column + 1, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }

    /// Reads `path` with `/usr/bin/python3` (Debian's, which has openpyxl).
    static func read(_ path: String) throws -> ReadWorkbook {
        let result = try Program("/usr/bin/python3", ["-c", script, path]).run()
        guard result.status == 0 else { throw ReaderFailure(message: result.stderr) }
        return try JSONDecoder().decode(ReadWorkbook.self, from: result.standardOutput)
    }

    struct ReaderFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "openpyxl could not read the workbook: \(message)" }
    }

    private static let script = #"""
import json, sys, zipfile, re, datetime
import xml.etree.ElementTree as ET
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
out = {"sheets": wb.sheetnames, "tables": [], "cells": {}, "charts": [], "setup": {}, "properties": {}}
for ws in wb.worksheets:
    for table in ws.tables.values():
        out["tables"].append({"name": table.name, "sheet": ws.title, "ref": table.ref,
                              "headers": [c.name for c in table.tableColumns]})
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            cells[c.coordinate] = {"value": str(v), "type": c.data_type, "format": c.number_format}
    out["cells"][ws.title] = cells
    ps = ws.page_setup
    out["setup"][ws.title] = {
        "freeze": ws.freeze_panes, "orientation": ps.orientation,
        # fitToWidth and fitToHeight default to 1 when absent.
        "fitWidth": int(ps.fitToWidth or 1) if ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage else None,
        "printTitleRows": ws.print_title_rows,
        "header": "", "footer": "",
    }
p = wb.properties
out["properties"] = {"title": p.title or "", "subject": p.subject or "", "creator": p.creator or "",
                     "keywords": p.keywords or "", "created": p.created.isoformat() if p.created else ""}
ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
with zipfile.ZipFile(path) as z:
    app = z.read("docProps/app.xml").decode()
    m = re.search(r"<Company>(.*?)</Company>", app)
    out["properties"]["company"] = m.group(1) if m else ""
    # Header and footer codes as written (libxlsxwriter numbers sheet files in workbook order).
    for i, title in enumerate(wb.sheetnames):
        root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % (i + 1)))
        main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        for part, tag in (("header", "oddHeader"), ("footer", "oddFooter")):
            node = root.find(".//%s%s" % (main, tag))
            out["setup"][title][part] = node.text if node is not None else ""
    for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        root = ET.fromstring(z.read(name))
        plot = root.find(".//c:plotArea", ns)
        kinds = [child.tag.split("}")[1] for child in plot if child.tag.endswith("Chart")]
        grouping = root.find(".//c:grouping", ns)
        title = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", ns))
        cats = [v.text or "" for v in root.findall(".//c:ser[1]/c:cat//c:pt/c:v", ns)]
        out["charts"].append({"file": name, "title": title, "kinds": kinds,
                              "grouping": grouping.get("val") if grouping is not None else "",
                              "formulas": [f.text for f in root.findall(".//c:f", ns)],
                              "categories": cats})
json.dump(out, sys.stdout)
"""#
}
