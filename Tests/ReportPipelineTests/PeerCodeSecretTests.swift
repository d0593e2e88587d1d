import Foundation
import ReportPipeline
import Testing
import TestSupport

@Suite struct PeerCodeSecretTests {
    @Test func madeAtRandomOnFirstUseThenKept() throws {
        let path = ScratchFolder.make("runs") + "/Reports/.peer-code-secret"
        let (first, created) = try PeerCodeSecret.stored(at: path)
        #expect(created)
        // 256 bits from the system's secure source, as 64 hex digits.
        #expect(first.value.count == 64 && first.value.allSatisfy(\.isHexDigit))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let (again, createdAgain) = try PeerCodeSecret.stored(at: path)
        #expect(!createdAgain && again == first)
        // Another network (another file) gets another secret.
        let other = try PeerCodeSecret.stored(at: ScratchFolder.make("runs") + "/.peer-code-secret").secret
        #expect(other != first)
        #expect(PeerCodeSecret.fingerprint(of: first.value).count == 16)
        #expect(PeerCodeSecret.fingerprint(of: first.value) != PeerCodeSecret.fingerprint(of: other.value))
        #expect(!PeerCodeSecret.fingerprint(of: first.value).contains(first.value.prefix(16)))
    }

    @Test func runsStartingTogetherShareOneSecret() throws {
        let path = ScratchFolder.make("runs") + "/.peer-code-secret"
        let secrets = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let secret = try? PeerCodeSecret.stored(at: path).secret { secrets.add(secret) }
        }
        let all = secrets.all
        #expect(all.count == 8 && Set(all).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == [".peer-code-secret"])
    }

    @Test(arguments: ["pmo-report", "change-me-for-your-network", "short"])
    func aPublicOrShortSecretInTheFileIsRefused(secret: String) throws {
        let path = ScratchFolder.make("runs") + "/.peer-code-secret"
        try secret.write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            try PeerCodeSecret.stored(at: path)
        } throws: { error in
            "\(error)".hasPrefix(path + ": the peer-code secret in this file ")
                && "\(error)".contains("Delete the file to let pmo-report make a random one")
        }
    }

    @Test func aFolderInThePlaceOfTheFileIsNamed() throws {
        let path = ScratchFolder.make("runs") + "/.peer-code-secret"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect {
            try PeerCodeSecret.stored(at: path)
        } throws: { error in
            "\(error)" == "cannot read the peer-code secret \(path): Is a directory"
        }
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var secrets: [PeerCodeSecret] = []
    func add(_ secret: PeerCodeSecret) { lock.withLock { secrets.append(secret) } }
    var all: [PeerCodeSecret] { lock.withLock { secrets } }
}
