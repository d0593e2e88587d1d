import Foundation

/// A fresh folder under the system's temporary folder, for tests that write real files.
enum TemporaryFolder {
    static func make() -> String {
        let path = NSTemporaryDirectory() + "pmo-runs-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
