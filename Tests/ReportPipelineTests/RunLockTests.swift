import Foundation
import Publishing
import Testing
import TestSupport

/// `flock` locks belong to an open file, so two acquisitions in one process conflict just as two
/// processes would; the CLI tests repeat this with real processes.
@Suite struct RunLockTests {
    @Test func secondHolderIsRefusedAndToldWho() throws {
        let folder = ScratchFolder.make("runs")
        let first = try RunLock.acquire(in: folder)
        #expect(first.previousHolder == nil)
        do {
            _ = try RunLock.acquire(in: folder)
            Issue.record("the lock was taken twice")
        } catch {
            guard case let .busy(path, holder, waited) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == folder + "/.lock")
            #expect(holder?.pid == getpid())
            #expect(waited == 0)
            #expect(error.description.contains("another run (pid \(getpid()), since 20"))
            #expect(error.description.contains("--wait SECONDS"))
        }
        first.release()
        let second = try RunLock.acquire(in: folder)
        #expect(second.previousHolder == nil, "a clean release leaves no stale holder")
        second.release()
    }

    @Test func waitingGivesUpAfterTheDeadline() throws {
        let folder = ScratchFolder.make("runs")
        let holder = try RunLock.acquire(in: folder)
        defer { holder.release() }
        var told = 0
        let start = Date()
        #expect(throws: RunLock.Failure.self) {
            try RunLock.acquire(in: folder, wait: 1) { _ in told += 1 }
        }
        #expect(Date().timeIntervalSince(start) >= 0.9)
        #expect(told == 1)
    }

    @Test func aHolderThatDiedIsReportedAsStale() throws {
        let folder = ScratchFolder.make("runs")
        // What a killed run leaves: its pid and start time in the file, and no lock (the kernel
        // dropped it with the process).
        try "4242 2026-11-27T03:00:01Z\n".write(toFile: folder + "/.lock", atomically: false, encoding: .utf8)
        let lock = try RunLock.acquire(in: folder)
        #expect(lock.previousHolder?.pid == 4242)
        #expect(lock.previousHolder?.since == "2026-11-27T03:00:01Z")
        lock.release()
    }
}
