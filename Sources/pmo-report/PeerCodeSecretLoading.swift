import ArgumentParser
import ReportRuns

extension PeerCodeSecret {
    /// The secret kept at `path` for a command, made there on first use; `announce` tells the
    /// operator once that the file now matters, `complain` why there is no usable secret (each
    /// command through its own log). A weak secret is a usage error (64); a file that cannot be
    /// read or made, exit 73.
    static func forCommand(at path: String, announce: (String) -> Void,
                           complain: (String) -> Void) throws(ExitCode) -> PeerCodeSecret {
        do {
            let (secret, created) = try stored(at: path)
            if created {
                announce("made a new random peer-code secret in \(path): keep the file (and its backups) private; "
                         + "if it is lost, every peer code changes")
            }
            return secret
        } catch {
            complain("\(error)")
            if case .weak = error { throw ExitStatus.usage }
            throw ExitStatus.cannotCreate
        }
    }
}
