/// The PDF structure types this library writes. Wrapping content in them makes a tagged PDF,
/// which screen readers and reflow rely on. Content drawn outside any of them (page furniture,
/// backgrounds, rules) is marked as an artifact when the document is finished.
public enum StructureTag: String, Sendable {
    case document = "Document"
    case section = "Sect"
    case heading1 = "H1"
    case heading2 = "H2"
    case heading3 = "H3"
    case paragraph = "P"
    case list = "L"
    case listItem = "LI"
    /// The bullet or number of a list item.
    case listLabel = "Lbl"
    /// The text of a list item.
    case listBody = "LBody"
    case table = "Table"
    case tableRow = "TR"
    case tableHeader = "TH"
    case tableCell = "TD"
    case figure = "Figure"
    case caption = "Caption"
    case contents = "TOC"
    case contentsItem = "TOCI"
    /// Written by `Canvas.link`, not by `tagged`.
    case link = "Link"
}

/// What Cairo 1.16 cannot write on a structure element, added when the document is finished.
public struct StructureAttributes: Sendable, Hashable {
    /// The cells a table header cell heads (PDF/UA: headers must be determinable).
    public enum Scope: String, Sendable {
        case column = "Column", row = "Row"
    }

    /// Alternative text (`/Alt`): what a figure shows and its key numbers, read in its place.
    public var alternativeText: String?
    public var scope: Scope?

    public init(alternativeText: String? = nil, scope: Scope? = nil) {
        self.alternativeText = alternativeText
        self.scope = scope
    }

    public static let none = StructureAttributes()
    public static func alternativeText(_ text: String) -> StructureAttributes { StructureAttributes(alternativeText: text) }
    public static let columnHeader = StructureAttributes(scope: .column)
}

/// Every structure element the document opened, in order: Cairo's structure tree lists its
/// elements in the same order (depth first), so element N of the tree gets entry N's attributes.
final class StructureLog {
    struct Entry {
        var tag: StructureTag
        var attributes: StructureAttributes
        /// For a link: what it leads to, as the annotation's `/Contents`.
        var linkDescription: String?
    }

    private(set) var entries: [Entry] = []

    func record(_ tag: StructureTag, _ attributes: StructureAttributes, linkDescription: String? = nil) {
        entries.append(Entry(tag: tag, attributes: attributes, linkDescription: linkDescription))
    }
}
