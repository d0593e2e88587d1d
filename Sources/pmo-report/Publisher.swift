import Foundation

/// Writes a run's outputs into a hidden staging folder beside the destination, then moves each
/// into place with `rename`, so nobody ever sees a half-written file and a failed run leaves
/// what was there before.
struct Publisher {
    enum Failure: Error, CustomStringConvertible {
        case cannotCreateFolder(path: String, reason: String)
        case cannotPublish(file: String, reason: String)

        var description: String {
            switch self {
            case let .cannotCreateFolder(path, reason): "cannot create the output folder \(path): \(reason)"
            case let .cannotPublish(file, reason): "cannot move \(file) into place: \(reason)"
            }
        }
    }

    let folder: String
    let staging: String

    init(folder: String) throws {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotCreateFolder(path: folder, reason: Self.reason(error))
        }
        self.folder = folder
        // Same folder, hence same file system: the final rename is atomic.
        var template = Array((folder as NSString).appendingPathComponent(".pmo-report-staging-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure.cannotCreateFolder(path: folder, reason: String(cString: strerror(errno)))
        }
        staging = String(cString: made)
    }

    func stagingPath(_ name: String) -> String { (staging as NSString).appendingPathComponent(name) }
    func finalPath(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Moves each staged file over its destination, then removes the staging folder.
    func publish(_ names: [String]) throws {
        for name in names where rename(stagingPath(name), finalPath(name)) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw Failure.cannotPublish(file: name, reason: reason)
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
