import FileSafety

/// Why a PDF could not be made. Cairo reports most failures as a status on the surface or
/// context, often only when the document is finished (a missing folder, a full disk).
public enum PDFError: OutputError, Sendable, Hashable, CustomStringConvertible {
    /// Cairo refused an operation; `status` is Cairo's own description.
    case cairo(operation: String, status: String)
    /// The finished file could not be put in place.
    case cannotWrite(path: String, reason: String)
    /// Cairo's output could not be made accessible (libqpdf failed, or its structure tree is not
    /// the one drawn): a programming error, never published.
    case notAccessible(path: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let operation, let status):
            "PDF drawing failed while \(operation): \(status)"
        case .cannotWrite(let path, let reason):
            "cannot write the PDF \(path): \(reason)"
        case .notAccessible(let path, let reason):
            "cannot make the PDF \(path) accessible: \(reason)"
        }
    }

    public var cause: String {
        switch self {
        case .cairo: description
        case let .cannotWrite(_, reason): reason
        case let .notAccessible(_, reason): "cannot make it accessible: \(reason)"
        }
    }

    /// Cairo's output not matching the structure drawn is pmo-report's fault, not the disk's.
    public var isBug: Bool {
        if case .notAccessible = self { true } else { false }
    }
}
