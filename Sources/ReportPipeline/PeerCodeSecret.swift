import Hashing
import FileSafety
import Foundation
import PMOSurvey

/// The network's own secret that keys the order of peer codes (contract section 6).
///
/// Trust keys are ODS codes, which NHS Digital publishes; with a secret anyone can know (one that
/// ships with the tool), a trust holding a pack could recompute the order and put a name to every
/// peer code. So the secret is made at random on first use, kept in a file only the operator can
/// read, and reused so that codes stay stable between runs. It is never printed or written into
/// an output; the manifest carries its `fingerprint`, so that a changed secret is seen.
public struct PeerCodeSecret: Sendable, Hashable {
    /// The file's name beside the report definitions (ignored by git).
    public static let fileName = ".peer-code-secret"
    /// Shorter secrets can be guessed; a made secret has 64 hex digits (256 bits).
    public static let minimumLength = 32
    /// Secrets that shipped in pmo-report's own files or defaults: public, so never accepted.
    static let published = ["pmo-report", "change-me-for-your-network"]

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The secret file holds a short or public secret.
        case weak(file: String, reason: String)
        case system(SystemError)

        public var description: String {
            switch self {
            case let .weak(file, reason):
                "\(file): the peer-code secret in this file \(reason), so anyone could work out which trust is "
                    + "behind each peer code. Delete the file to let pmo-report make a random one (every peer code "
                    + "then changes), or put at least \(PeerCodeSecret.minimumLength) random characters in it"
            case let .system(error): "\(error)"
            }
        }
    }

    /// The secret itself: only for `ReportDefinition.peerCodeSecret`, never for display.
    public let value: String

    /// A secret read from a file, refused when it is short or public.
    init(checking value: String, file: String) throws(Failure) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let weakness = Self.weakness(of: trimmed) { throw .weak(file: file, reason: weakness) }
        self.value = trimmed
    }

    /// Why `secret` would let others recompute the peer codes, or nil when it is fit to use.
    public static func weakness(of secret: String) -> String? {
        if published.contains(where: { secret.lowercased().contains($0) }) { return "is one that ships with pmo-report" }
        if secret.count < minimumLength { return "has \(secret.count) characters, fewer than \(minimumLength)" }
        return nil
    }

    /// The first 16 hex digits of a hash of a secret: tells two secrets apart without revealing
    /// either (a one-way hash of 256 random bits).
    public static func fingerprint(of secret: String) -> String {
        var hash = SHA256()
        hash.update(Array(("pmo-report peer-code secret\u{1F}" + secret).utf8))
        return String(hash.finalizeHex().prefix(16))
    }

    /// The secret kept at `path`; made there first when there is none. `created` says whether it
    /// was made now, so that the operator can be told to keep the file.
    public static func stored(at path: String) throws(Failure) -> (secret: PeerCodeSecret, created: Bool) {
        if let existing = try read(path) { return (existing, false) }
        let made = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do throws(SystemError) { try createFolders(folder) } catch { throw .system(error) }
        }
        // Written whole into a private temporary file (mkstemp: owner only), then linked into
        // place: two runs starting at once both end up with the one secret that was linked first.
        let file: FileDescriptor
        do throws(SystemError) {
            file = try FileDescriptor.createUnique(prefix: path + ".")
        } catch {
            throw .system(SystemError("create", path, code: error.code))
        }
        defer { unlink(file.path) }
        do throws(SystemError) {
            try file.closeAfter { () throws(SystemError) in
                try file.writeAll(Array((made + "\n").utf8))
                try file.sync()
            }
        } catch {
            throw .system(SystemError(error.operation, path, code: error.code))
        }
        if link(file.path, path) != 0 {
            guard errno == EEXIST, let existing = try read(path) else { throw .system(SystemError("create", path)) }
            return (existing, false)
        }
        return (PeerCodeSecret(value: made), true)
    }

    private init(value: String) { self.value = value }

    /// The secret in the file at `path`, or nil when there is no file.
    /// A run starting at the same moment may link the file in between a failed read and the
    /// check of why it failed: then it is read again.
    private static func read(_ path: String, again: Bool = true) throws(Failure) -> PeerCodeSecret? {
        guard let data = FileManager.default.contents(atPath: path) else {
            var info = stat()
            if lstat(path, &info) != 0, errno == ENOENT { return nil }
            let readable = access(path, R_OK) == 0
            if again, readable, info.st_mode & S_IFMT == S_IFREG { return try read(path, again: false) }
            let code = info.st_mode & S_IFMT == S_IFDIR ? EISDIR : readable ? EIO : errno
            throw .system(SystemError("read the peer-code secret", path, code: code))
        }
        return try PeerCodeSecret(checking: String(decoding: data, as: UTF8.self), file: path)
    }
}

extension PeerCodeSecret {
    /// The secret kept at `path`, made there on first use, when the operator is told once that
    /// the file now matters. A weak secret is a usage error (64); a file that cannot be read or
    /// made, exit 73.
    public static func forPipeline(at path: String, log: PipelineLog) throws(PipelineError) -> PeerCodeSecret {
        do {
            let (secret, created) = try stored(at: path)
            if created {
                log.info("made a new random peer-code secret in \(path): keep the file (and its backups) private; "
                         + "if it is lost, every peer code changes")
            }
            return secret
        } catch {
            throw PipelineError(underlying: error)
        }
    }
}
