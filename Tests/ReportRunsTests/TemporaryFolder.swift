import Foundation
import TestSupport

/// A fresh folder for tests that write real files.
enum TemporaryFolder {
    static func make() -> String { ScratchFolder.make("runs") }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
