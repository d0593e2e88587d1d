#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSafety
import Foundation
import TestSupport
import Testing

/// Faults while writing, at the system-call level: a full disk, a file-size limit, the folder
/// removed, signals interrupting write(2). Each fails naming the file and the system's reason,
/// leaves the target as it was and no temporary file; an interrupted write just continues.
/// The pmo-report binary's own fault tests (CLITests) check the same end to end.
@Suite struct FileSafetyFaultTests {
    static let old = Array("the previous report\n".utf8)
    static let tmpfsSkipped: Comment = "mounting a tmpfs needs root (CAP_SYS_ADMIN); the file-size limit covers a failed write without it"

    @Test(.enabled(if: TmpfsMount.isPermitted, Self.tmpfsSkipped))
    func fullDisk() throws {
        let disk = try TmpfsMount(kilobytes: 64)
        defer { disk.unmount() }
        let path = disk.path + "/report.pdf"
        try Self.replace(path, with: Self.old)
        #expect { try FileSafetyFaultTests.replace(path, with: [UInt8](repeating: 7, count: 1 << 20)) } throws: { error in
            "\(error)" == "cannot write \(path): No space left on device"
        }
        #expect(try Self.contents(of: disk.path) == ["report.pdf": Self.old])

        let staging = try StagingFolder(in: disk.path, prefix: ".staging-")
        #expect { try staging.write([UInt8](repeating: 7, count: 1 << 20), as: "big") } throws: { error in
            "\(error)" == "cannot write \(staging.file("big")): No space left on device"
        }
        staging.discard()
    }

    /// `ulimit -f`: SIGXFSZ, which would kill the process at the limit, is ignored (as a shell may
    /// do), so each write past it fails with EFBIG. In a child process, as the limit is the
    /// process's own.
    @Test func fileSizeLimit() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let folder = ScratchFolder.make("file-size-limit")
            let path = folder + "/report.json"
            try FileSafetyFaultTests.replace(path, with: FileSafetyFaultTests.old)
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit()
            getrlimit(FileSafetyFaultTests.fileSize, &limit)
            limit.rlim_cur = 64 * 1024
            Child.check(setrlimit(FileSafetyFaultTests.fileSize, &limit) == 0, "setrlimit: \(errno)")
            do {
                try FileSafetyFaultTests.replace(path, with: [UInt8](repeating: 7, count: 1 << 20))
                Child.fail("a write past the limit succeeded")
            } catch {
                Child.check("\(error)" == "cannot write \(path): File too large", "\(error)")
            }
            Child.check(try FileSafetyFaultTests.contents(of: folder) == ["report.json": FileSafetyFaultTests.old], "the target changed")
        }
        #expect(result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) } == "")
    }

    /// Writes into a file whose folder is removed succeed (the file is only unlinked); the rename
    /// at the end fails, and nothing is recreated behind the user's back.
    @Test func folderRemovedWhileWriting() throws {
        let folder = ScratchFolder.make("removed") + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let path = folder + "/report.json"
        var file = try AtomicFile(replacing: path)
        try file.write(Array("{\"half\": ".utf8))
        try FileManager.default.removeItem(atPath: folder)
        try file.write(Array("true}\n".utf8))
        #expect { try file.commit() } throws: { error in
            "\(error)" == "cannot replace \(path): No such file or directory"
        }
        #expect { _ = try AtomicFile(replacing: path) } throws: { error in
            "\(error)" == "cannot create \(path): No such file or directory"
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func stagingFolderRemovedWhileWriting() throws {
        let staging = try StagingFolder(in: ScratchFolder.make("removed"), prefix: ".staging-")
        try staging.write(Array("one".utf8), as: "first")
        staging.discard()
        #expect { try staging.write(Array("two".utf8), as: "second") } throws: { error in
            "\(error)" == "cannot create \(staging.file("second")): No such file or directory"
        }
        #expect { try staging.flush(["first"]) } throws: { error in
            "\(error)" == "cannot open \(staging.file("first")): No such file or directory"
        }
    }

    /// A signal handled without SA_RESTART interrupts write(2) on a full pipe: it returns what it
    /// had written, or fails with EINTR when that is nothing. Before each read of 4 KB, a reader
    /// interrupts the writing thread twice, each time waiting for the handler: the first signal
    /// cuts a write short, the second mostly finds the next write blocked on the still full pipe,
    /// with nothing written yet (over a thousand reads, EINTR is certain to happen). In a child
    /// process, as signal handlers are the process's own.
    @Test func interruptedWritesContinue() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let fifo = ScratchFolder.make("eintr") + "/pipe"
            Child.check(mkfifo(fifo, 0o600) == 0, "mkfifo: \(errno)")
            Child.interruptWithoutRestart(SIGUSR2)
            let bytes = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let writer = pthread_self()
            let reader = Child.Reader(fifo: fifo, expected: bytes.count) {
                for _ in 0..<2 { Child.interrupt(writer, with: SIGUSR2) }
            }
            let file = try FileDescriptor.create(fifo)
            try file.writeAll(bytes)
            try file.close()
            Child.check(reader.received() == bytes, "the pipe did not carry every byte, in order")
        }
        #expect(result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) } == "")
    }

    static let fileSize: Int32 = {
        #if canImport(Glibc)
        Int32(RLIMIT_FSIZE.rawValue)
        #else
        RLIMIT_FSIZE
        #endif
    }()

    static func replace(_ path: String, with bytes: [UInt8]) throws(SystemError) {
        var file = try AtomicFile(replacing: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Every file in `folder` (hidden ones included) with its bytes.
    static func contents(of folder: String) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            found[name] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        }
        return found
    }
}
