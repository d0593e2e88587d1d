/// Why libqpdf could not read, change or write a PDF; `message` is qpdf's own full text.
public enum QPDFError: Error, Sendable, Hashable, CustomStringConvertible {
    case library(operation: String, message: String)

    public var description: String {
        switch self {
        case let .library(operation, message): "qpdf could not \(operation): \(message)"
        }
    }
}
