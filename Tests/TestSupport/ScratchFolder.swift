import Foundation

/// Fresh folders for tests that write real files. They all live in one folder per test process,
/// which is removed when the process exits, so repeated test runs do not fill the system's
/// temporary folder.
public enum ScratchFolder {
    private static let root: String = {
        let path = NSTemporaryDirectory() + "pmo-report-tests-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { ScratchFolder.removeRoot() }
        return path
    }()

    /// A new, empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) -> String {
        let path = root + "/" + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func removeRoot() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
