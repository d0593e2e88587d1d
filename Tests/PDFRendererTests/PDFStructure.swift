import Foundation
import TestSupport

/// What a PDF tells assistive technology, read back with pikepdf (independent of Cairo and
/// libqpdf's C API): catalog entries, XMP, and the structure tree.
struct PDFStructure: Decodable {
    struct Link: Decodable {
        var alt: String?
        var contents: String?
    }

    var version: String
    var lang: String?
    var displayDocTitle: Bool
    var xmp: String
    /// Every page's `/Tabs`.
    var tabs: [String?]
    /// `/Alt` of every Figure, in document order.
    var figures: [String?]
    var links: [Link]
    /// `/Scope` of every TH (nil when missing).
    var headerScopes: [String?]
    /// For every Table: the cell types of each row, e.g. `[["TH", "TH"], ["TD", "TD"]]`.
    var tables: [[[String]]]
    /// For every LI: its parent's type and its children's types.
    var listItems: [ListItem]
    /// Heading levels in document order (1 for H1).
    var headings: [Int]
    /// For each page, the text-showing operators inside `/Artifact` marked content.
    var artifactTexts: [Int]

    struct ListItem: Decodable {
        var parent: String
        var kids: [String]
    }

    static func read(_ path: String) throws -> PDFStructure {
        let result = try Program("python3", ["-c", script, path]).run()
        guard result.status == 0 else { throw ReadError(output: "\(result)") }
        return try JSONDecoder().decode(PDFStructure.self, from: result.standardOutput)
    }

    struct ReadError: Error, CustomStringConvertible {
        var output: String
        var description: String { "pikepdf could not read the structure: \(output)" }
    }

    private static let script = #"""
    import json, sys, pikepdf
    pdf = pikepdf.open(sys.argv[1])
    root = pdf.Root
    out = {"version": pdf.pdf_version, "lang": str(root.Lang) if "/Lang" in root else None,
           "displayDocTitle": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
           "xmp": root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else "",
           "tabs": [str(p.obj.get("/Tabs")) if "/Tabs" in p.obj else None for p in pdf.pages],
           "figures": [], "links": [], "headerScopes": [], "tables": [], "listItems": [], "headings": [],
           "artifactTexts": []}
    def kids(e):
        k = e.get("/K")
        if k is None: return []
        items = list(k) if isinstance(k, pikepdf.Array) else [k]
        return [x for x in items if isinstance(x, pikepdf.Dictionary)]
    def elements(e): return [x for x in kids(e) if "/S" in x]
    def s(e): return str(e.S)[1:]
    def walk(e):
        t = s(e)
        if t == "Figure": out["figures"].append(str(e.Alt) if "/Alt" in e else None)
        if t == "Link":
            objr = [x for x in kids(e) if x.get("/Type") == "/OBJR"]
            out["links"].append({"alt": str(e.Alt) if "/Alt" in e else None,
                                 "contents": str(objr[0].Obj.Contents) if objr and "/Contents" in objr[0].Obj else None})
        if t == "TH":
            a = e.get("/A")
            out["headerScopes"].append(str(a.Scope)[1:] if a is not None and "/Scope" in a else None)
        if t == "Table": out["tables"].append([[s(c) for c in elements(r)] for r in elements(e) if s(r) == "TR"])
        if t == "LI": out["listItems"].append({"parent": s(e.P), "kids": [s(c) for c in elements(e)]})
        if len(t) == 2 and t[0] == "H" and t[1].isdigit(): out["headings"].append(int(t[1]))
        for c in elements(e): walk(c)
    for e in elements(root.StructTreeRoot): walk(e)
    for page in pdf.pages:
        marks, count = [], 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"): marks.append(str(operands[0]))
            elif op == "EMC": marks.pop()
            elif op in ("Tj", "TJ", "'", '"') and "/Artifact" in marks: count += 1
        out["artifactTexts"].append(count)
    print(json.dumps(out))
    """#
}
