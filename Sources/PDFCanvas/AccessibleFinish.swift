import QPDF

/// Completes Cairo's tagged PDF into a PDF/UA-1 file, through libqpdf's objects: what Cairo 1.16
/// cannot write (ISO 14289-1 §7).
///
/// - the catalog's language, `/DisplayDocTitle`, and XMP metadata with the PDF/UA identification;
/// - on the structure elements, in the order they were drawn: figures' alternative text, table
///   headers' scope, links' descriptions (also as their annotations' `/Contents`);
/// - on every page, `/Tabs /S` and content outside structure marked as artifacts;
/// - an explicit `/CIDToGIDMap /Identity` on TrueType CID fonts (Cairo relies on the default).
///
/// The output depends only on the input: qpdf derives the file `/ID` from the content, so the
/// same drawing gives the same bytes.
struct AccessibleFinish {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    let metadata: Metadata
    let structure: [StructureLog.Entry]

    func apply(to input: [UInt8]) throws -> [UInt8] {
        let pdf = try QPDFDocument(bytes: input, description: "Cairo's PDF")
        let root = pdf.root
        root["Lang"] = pdf.string(metadata.language)
        root["ViewerPreferences"] = pdf.dictionary(["DisplayDocTitle": pdf.bool(true)])
        root["MarkInfo"] = pdf.dictionary(["Marked": pdf.bool(true)])
        let producer = pdf.trailer["Info"]?["Producer"]?.text
        root["Metadata"] = pdf.stream(XMPPacket(metadata: metadata, producer: producer).bytes,
                                      dictionary: ["Type": pdf.name("Metadata"), "Subtype": pdf.name("XML")])
        for page in pdf.pages {
            page["Tabs"] = pdf.name("S")
            let content = try ArtifactMarking.mark(page.pageContent())
            page["Contents"] = pdf.stream(content)
            if let fonts = page["Resources"]?["Font"] {
                for key in fonts.keys {
                    for descendant in fonts[key]?["DescendantFonts"]?.elements ?? []
                    where descendant["Subtype"]?.name == "CIDFontType2" && descendant["CIDToGIDMap"] == nil {
                        descendant["CIDToGIDMap"] = pdf.name("Identity")
                    }
                }
            }
        }
        guard let tree = root["StructTreeRoot"] else { throw Mismatch(description: "Cairo wrote no structure tree") }
        try describe(tree, in: pdf)
        try pdf.check("finish the PDF")
        return try pdf.write(.init(minimumVersion: "1.7"))
    }

    /// Walks the structure tree depth first, which is the order the elements were opened in,
    /// and gives each the attributes drawn with it.
    private func describe(_ tree: QPDFObject, in pdf: QPDFDocument) throws {
        var next = 0
        func visit(_ element: QPDFObject) throws {
            guard next < structure.count else {
                throw Mismatch(description: "the structure tree has more elements than were drawn (\(structure.count))")
            }
            let entry = structure[next]
            let type = element["S"]?.name ?? "?"
            guard type == entry.tag.rawValue else {
                throw Mismatch(description: "structure element \(next + 1) is /\(type), but \(entry.tag.rawValue) was drawn")
            }
            next += 1
            if let alt = entry.attributes.alternativeText ?? entry.linkDescription { element["Alt"] = pdf.string(alt) }
            if let scope = entry.attributes.scope {
                element["A"] = pdf.dictionary(["O": pdf.name("Table"), "Scope": pdf.name(scope.rawValue)])
            }
            for kid in element["K"]?.elements ?? [] where kid.isDictionary {
                if kid["Type"]?.name == "OBJR" {
                    if let description = entry.linkDescription, let annotation = kid["Obj"] {
                        annotation["Contents"] = pdf.string(description)
                    }
                } else if kid["S"] != nil {
                    try visit(kid)
                }
            }
        }
        for element in tree["K"]?.elements ?? [] where element["S"] != nil { try visit(element) }
        guard next == structure.count else {
            throw Mismatch(description: "\(structure.count) structure elements were drawn, the tree has \(next)")
        }
    }
}
