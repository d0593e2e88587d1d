/// The PDF structure types this library writes. Wrapping content in them makes a tagged PDF,
/// which screen readers and reflow rely on.
public enum StructureTag: String, Sendable {
    case document = "Document"
    case section = "Sect"
    case heading1 = "H1"
    case heading2 = "H2"
    case heading3 = "H3"
    case paragraph = "P"
    case list = "L"
    case listItem = "LI"
    case table = "Table"
    case tableRow = "TR"
    case tableHeader = "TH"
    case tableCell = "TD"
    case figure = "Figure"
    case caption = "Caption"
    case contents = "TOC"
    case contentsItem = "TOCI"
}
