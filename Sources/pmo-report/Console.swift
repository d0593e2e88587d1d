import Foundation

/// Messages for the operator on stderr, so stdout stays clean for the run summary.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("pmo-report: error: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
