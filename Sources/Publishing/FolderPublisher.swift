import FileSafety
import Foundation

/// How `generate` publishes: the outputs are rendered into a hidden staging folder inside the
/// destination folder, then each is moved into place with `rename`, so nobody ever sees a
/// half-written file and a failed run leaves what was there before. (`run` publishes a whole
/// dated run instead: `OutputFolder`.)
///
/// Symlinks: the output folder itself may be a symlink (to a shared drive) and is followed. An
/// output file that is a symlink is replaced by the new file, never written through, so the file
/// it pointed to is left alone. A folder output (`packs`) that is a symlink is refused: the whole
/// folder is replaced on publishing, and replacing a link the user made would quietly move the
/// packs somewhere else than where they have been looking.
public struct FolderPublisher: Publisher {
    public enum Failure: Error, CustomStringConvertible {
        case cannotCreateFolder(path: String, reason: String)
        case cannotPublish(file: String, reason: String)
        case inTheWay(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotCreateFolder(path, reason): "cannot create the output folder \(path): \(reason)"
            case let .cannotPublish(file, reason): "cannot move \(file) into place: \(reason)"
            case let .inTheWay(path, reason): "cannot publish over \(path): \(reason)"
            }
        }
    }

    public let folder: String
    public let staging: StagingFolder
    static let stagingPrefix = ".pmo-report-staging-"

    public init(folder: String) throws {
        do throws(SystemError) {
            try createFolders(folder)
        } catch {
            throw Failure.cannotCreateFolder(path: folder, reason: error.reason)
        }
        self.folder = folder
        // What a killed run left goes first; a live run's folder is claimed, so it stays.
        StagingFolder.removeAbandoned(in: folder, prefix: Self.stagingPrefix)
        // Same folder, hence same file system: the final rename is atomic.
        do {
            staging = try StagingFolder.claimed(in: folder, prefix: Self.stagingPrefix)
        } catch {
            throw Failure.cannotCreateFolder(path: folder, reason: error.reason)
        }
    }

    public var keptOnFailure: String { "\(folder) keeps what it had" }

    func stagingPath(_ name: String) -> String { staging.file(name) }
    public func finalPath(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    private func previousPath(_ name: String) -> String { stagingPath(".previous-" + name) }

    /// Moves each staged entry (a file, or a folder such as `packs`) over its destination, all or
    /// none: what each replaces is kept in staging until every move has succeeded, and put back
    /// if one fails. Then removes the staging folder. A folder keeps no record of a run.
    public func publish(_ entries: [PublishedEntry], record: RunRecord) throws -> String {
        var placed: [(name: String, previous: Previous)] = []
        do {
            for entry in entries { placed.append((entry.name, try place(entry.name))) }
        } catch {
            for (name, previous) in placed.reversed() { restore(name, previous) }
            discard()
            throw error
        }
        discard()
        return folder
    }

    public func check(_ entries: [PublishedEntry]) throws {
        for entry in entries { try checkDestination(entry.name, isFolder: entry.isFolder) }
    }

    /// Fails when the destination of `name` is something publishing must not replace: a folder
    /// where a file goes, or a symlink or file where a folder goes.
    private func checkDestination(_ name: String, isFolder: Bool) throws {
        var info = stat()
        guard lstat(finalPath(name), &info) == 0 else { return }
        switch (info.st_mode & S_IFMT, isFolder) {
        case (S_IFDIR, false):
            throw Failure.inTheWay(path: finalPath(name), reason: "it is a folder; move it away")
        case (S_IFLNK, true):
            throw Failure.inTheWay(path: finalPath(name), reason: "it is a symlink, and pmo-report replaces this folder as a whole; "
                + "move the link away, or give --output the folder the packs should go to")
        case (S_IFDIR, true), (_, false):
            return
        default:
            throw Failure.inTheWay(path: finalPath(name), reason: "it is not a folder; move it away")
        }
    }

    /// What publishing an entry did to the one it replaced.
    private enum Previous {
        /// There was none.
        case none
        /// It is kept in staging and can be put back.
        case kept
        /// The file system refused a hard link (some shared drives): it cannot be put back.
        case lost
    }

    /// Moves one staged entry into place. A file's predecessor is kept as a hard link, so the
    /// destination never goes missing; a folder's is moved aside first, as `rename` cannot
    /// replace a folder that has files.
    private func place(_ name: String) throws -> Previous {
        var info = stat()
        let isFolder = lstat(stagingPath(name), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        try checkDestination(name, isFolder: isFolder)
        var previous = Previous.none
        if lstat(finalPath(name), &info) == 0 {
            let kept = isFolder ? rename(finalPath(name), previousPath(name)) : link(finalPath(name), previousPath(name))
            previous = kept == 0 ? .kept : .lost
        }
        guard rename(stagingPath(name), finalPath(name)) == 0 else {
            let reason = String(cString: strerror(errno))
            if isFolder && previous == .kept { rename(previousPath(name), finalPath(name)) }
            throw Failure.cannotPublish(file: name, reason: reason)
        }
        return previous
    }

    /// Undoes `place`: puts back what `name` replaced, or removes it when it replaced nothing.
    private func restore(_ name: String, _ previous: Previous) {
        var info = stat()
        switch previous {
        case .none:
            try? FileManager.default.removeItem(atPath: finalPath(name))
        case .kept:
            // A folder cannot be renamed over one that has files; a file is replaced in one step.
            if lstat(finalPath(name), &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try? FileManager.default.removeItem(atPath: finalPath(name))
            }
            rename(previousPath(name), finalPath(name))
        case .lost:
            break
        }
    }

    public func discard() {
        staging.discard()
    }
}
