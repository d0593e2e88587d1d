import FileSafety
import Foundation

/// The folder a definition publishes into:
///
///     board-pack/
///       latest -> runs/2015-05_20261127T030001Z   (relative symlink, switched atomically)
///       runs/2015-05_20261127T030001Z/             (one folder per published run, with manifest.json)
///       .lock                                      (held while a run works)
///       .staging-*                                 (a run in progress, or a killed run's leftovers)
///
/// Readers who follow `latest` always see one complete run: a run is only ever added by renaming
/// a finished staging folder into `runs/`, and `latest` only ever moves by renaming a new symlink
/// over it.
public struct OutputFolder: Sendable {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case system(SystemError)
        case notAFolder(path: String)
        /// `latest` exists but is not a symlink: something pmo-report did not make, never replaced.
        case latestNotALink(path: String)

        public var description: String {
            switch self {
            case let .system(error): "\(error)"
            case let .notAFolder(path): "cannot use \(path) as the output folder: it is a file, not a folder"
            case let .latestNotALink(path): "\(path) is not a symlink; move it away so that pmo-report can manage `latest`"
            }
        }
    }

    public let path: String
    public var runsPath: String { path + "/runs" }
    public var latestPath: String { path + "/latest" }

    /// Opens `path`, creating it and its parents when missing. A symlinked output folder is
    /// followed: pointing `reports` at a shared drive is a normal thing to do.
    public init(path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { throw .notAFolder(path: path) }
        do {
            try createFolders(path)
        } catch {
            throw .system(SystemError("create the output folder", path, code: error.code))
        }
        self.path = path
    }

    /// The run `latest` points to, when there is one.
    public var latest: RunName? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latestPath),
              target.hasPrefix("runs/") else { return nil }
        return RunName(folderName: String(target.dropFirst("runs/".count)))
    }

    public func runPath(_ name: RunName) -> String { runsPath + "/" + name.description }

    /// Published runs, oldest first; folders pmo-report did not name are not listed.
    public var runs: [RunName] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsPath)) ?? []
        return names.compactMap { RunName(folderName: $0) }.sorted()
    }

    /// Removes what killed runs left: staging folders, half-made `latest` links, runs being
    /// expired. Call only while holding the lock, when no other run can be using them.
    @discardableResult
    public func removeLeftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let leftovers = names.filter { name in
            [Self.stagingPrefix, Self.latestTemporaryPrefix, Self.expiredPrefix].contains { name.hasPrefix($0) }
        }.sorted()
        for name in leftovers { Self.remove(path + "/" + name) }
        return leftovers
    }

    /// A hidden `.staging-<pid>-XXXXXX` folder for one run, to be published whole as a run folder.
    public func makeStaging() throws(SystemError) -> StagingFolder {
        try StagingFolder(in: path, prefix: Self.stagingPrefix + "\(getpid())-")
    }

    /// Renames the flushed `staging` into `runs/` under `name` (or `name-2`, ... when taken), then
    /// points `latest` at it. Returns the name it was published under.
    public func publish(_ staging: StagingFolder, as name: RunName) throws(Failure) -> RunName {
        try checkLatestIsALink()
        do {
            try createFolders(runsPath)
        } catch {
            throw .system(error)
        }
        var final = name
        // Only this process holds the lock, so nothing else can take the name between the check
        // and the rename.
        while FileManager.default.fileExists(atPath: runPath(final)) { final.sequence += 1 }
        guard rename(staging.path, runPath(final)) == 0 else { throw .system(SystemError("move the run into", runPath(final))) }
        do throws(SystemError) {
            try FileDescriptor.sync(runsPath)
            try pointLatest(at: final)
        } catch {
            throw .system(error)
        }
        return final
    }

    /// Removes the oldest runs beyond `keep`, never the one `latest` points to. Each is first
    /// renamed to a hidden name, so nobody sees a half-deleted run.
    @discardableResult
    public func expire(keeping keep: Int) -> [RunName] {
        let current = latest
        let expired = runs.dropLast(keep).filter { $0 != current }
        for name in expired {
            let hidden = path + "/" + Self.expiredPrefix + name.description
            guard rename(runPath(name), hidden) == 0 else { continue }
            Self.remove(hidden)
        }
        return Array(expired)
    }

    private func pointLatest(at name: RunName) throws(SystemError) {
        let temporary = path + "/" + Self.latestTemporaryPrefix + "\(getpid())"
        unlink(temporary)
        guard symlink("runs/" + name.description, temporary) == 0 else { throw SystemError("create the symlink", temporary) }
        guard rename(temporary, latestPath) == 0 else {
            let error = SystemError("switch", latestPath)
            unlink(temporary)
            throw error
        }
        try FileDescriptor.sync(path)
    }

    private func checkLatestIsALink() throws(Failure) {
        var info = stat()
        guard lstat(latestPath, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFLNK else { throw .latestNotALink(path: latestPath) }
    }

    static let stagingPrefix = ".staging-"
    static let latestTemporaryPrefix = ".latest-"
    static let expiredPrefix = ".expired-"

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
