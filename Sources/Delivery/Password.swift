import FileSafety
import Foundation
import ReportPipeline

/// The relay's password: from `PMO_SMTP_PASSWORD`, else from `password_file`, which must be a
/// regular file of the user's own that no one else can read. Never an option (it would show in
/// `ps` and shell history) and never logged. Asked for only when a confirmed run sends.
enum Password {
    static let variable = "PMO_SMTP_PASSWORD"

    static func read(_ settings: DeliverySettings, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PipelineError) -> String {
        if let password = environment[variable], !password.isEmpty { return password }
        guard let path = settings.passwordFile else {
            throw PipelineError(.usage, "no password: set delivery.password_file (a file of mode 0600) or \(variable)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw PipelineError(.noInput, "\(SystemError("open the password file", path))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw PipelineError(.noInput, "\(SystemError("read the password file", path))") }
        guard status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid() else {
            throw PipelineError(.usage, "\(path): the password file must be a regular file owned by you")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw PipelineError(.usage, "\(path): the password file can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); `chmod 600 \(path)`")
        }
        // readToEnd gives nil for an empty file, which the check below refuses.
        let data = (try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd()) ?? Data()
        let password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !password.isEmpty else { throw PipelineError(.usage, "\(path): the password file is empty") }
        return password
    }
}
