import Dispatch
import FileSafety
import Foundation
import PDFRenderer
import PMOSurvey
import WorkbookRenderer

/// Writes a benchmark pack (workbook and PDF) for every trust of the latest wave into a `packs`
/// folder, with an index for the operator's mail-merge. Packs are independent, so they are made
/// on every core at once. A pack that fails is logged, and fails the run once the others are
/// done: a board sends packs to every trust or to none.
///
/// The index maps every trust to its peer code, so it is kept beside `packs/`, never in it:
/// operators hand the folder out whole ("your pack is on the shared drive"), and one copy of the
/// index there would name every peer in every pack.
public struct TrustPacks: Sendable {
    public static let folderName = "packs"
    public static let indexName = "packs-index-not-for-sharing.csv"

    /// What the packs took, for the summary.
    public struct Outcome: Sendable {
        /// The size and SHA-256 of each file written into the packs folder, by name: taken once,
        /// for the index and a run's manifest alike.
        public let digests: [String: FileDigest]
        /// The files written into the packs folder, by name.
        public var files: [String] { digests.keys.sorted() }
        public let written: Int
        public let seconds: Double
        public let cpuSeconds: Double
    }

    /// One written pack, for the index.
    private struct Entry: Sendable {
        let trust: Response
        let peerCode: String
        let files: [(name: String, digest: FileDigest)]
    }

    let analysis: Analysis
    let run: RunInfo
    let showsProgress: Bool

    /// Writes every pack into `folder` (created here) and the index to `indexPath`; logs each
    /// trust left without a pack, then fails with them all.
    func write(into folder: String, index indexPath: String, log: PipelineLog) throws(PipelineError) -> Outcome {
        do {
            return try writeAll(into: folder, index: indexPath, log: log)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(.cannotCreate, "cannot write the benchmark packs: \(error)")
        }
    }

    private func writeAll(into folder: String, index indexPath: String, log: PipelineLog) throws -> Outcome {
        let started = Date(), cpuStarted = Self.cpuSeconds()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let benchmarks = Benchmarks(analysis: analysis)
        let trusts = benchmarks.trusts
        let stems = PackFileNames.assign(trusts)
        let results = Slots<Result<Entry, PackFailure>>(count: trusts.count)
        let progress = PackProgress(total: trusts.count, visible: showsProgress && isatty(2) == 1)

        // One workbook and one PDF per thread at a time: libxlsxwriter and Pango keep per-document
        // state only (Workbook.close is serialised; each Document has its own font map).
        DispatchQueue.concurrentPerform(iterations: trusts.count) { i in
            let trust = trusts[i]
            let benchmark = benchmarks.benchmark(for: trust)
            do {
                var files: [(String, FileDigest)] = []
                for ext in ["xlsx", "pdf"] {
                    let name = stems[i] + "." + ext
                    let path = (folder as NSString).appendingPathComponent(name)
                    if ext == "xlsx" {
                        try TrustPackWorkbook(benchmark: benchmark, analysis: analysis, run: run).write(to: path)
                    } else {
                        try TrustPackPDF(benchmark: benchmark, analysis: analysis, run: run).write(to: path)
                    }
                    files.append((name, try FileDigest(path: path)))
                }
                results.set(i, .success(Entry(trust: trust, peerCode: benchmark.naming.peerCode(trust), files: files)))
            } catch {
                for ext in ["xlsx", "pdf"] { unlink((folder as NSString).appendingPathComponent(stems[i] + "." + ext)) }
                results.set(i, .failure(PackFailure(trust: trust.trustName, reason: "\(error)")))
            }
            progress.advance()
        }
        progress.finish()

        let entries = results.all.compactMap { if case .success(let e) = $0 { e } else { nil } }
        let failures = results.all.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        for failure in failures { log.error("no benchmark pack for \(failure.trust): \(failure.reason)") }
        guard failures.isEmpty else {
            throw PipelineError(.cannotCreate, "\(failures.count) of \(trusts.count) benchmark packs failed")
        }
        var index = try AtomicFile(replacing: indexPath)
        try index.write(Array(Self.index(entries).utf8))
        try index.commit()
        return Outcome(digests: Dictionary(uniqueKeysWithValues: entries.flatMap(\.files)), written: entries.count,
                       seconds: Date().timeIntervalSince(started), cpuSeconds: Self.cpuSeconds() - cpuStarted)
    }

    private struct PackFailure: Error {
        let trust: String
        let reason: String
    }

    /// The index names every trust: it is for the operator, never for sharing.
    private static func index(_ entries: [Entry]) -> String {
        var lines = ["trust_name,trust_code,sector,peer_code,workbook,workbook_sha256,pdf,pdf_sha256"]
        for e in entries {
            let fields = [e.trust.trustName, e.trust.trustCode ?? "", e.trust.sector.rawValue, e.peerCode]
                + e.files.flatMap { [$0.name, $0.digest.sha256] }
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` gets an apostrophe so that a spreadsheet
    /// opening the index never runs a trust name as a formula.
    private static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// User and system CPU time of the whole process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

extension TrustPacks.Outcome {
    /// `wrote 170 benchmark packs (workbook and PDF) in 9.1 s (CPU 17.0 s) to out/packs; ...`, with
    /// where the index is and that it must not be shared.
    public func summary(folder: String, index: String) -> String {
        "wrote \(written) benchmark \(written == 1 ? "pack" : "packs") (workbook and PDF) to \(folder) in "
            + String(format: "%.1f s (CPU %.1f s)", seconds, cpuSeconds)
            + "; the index \(index) names every trust and its peer code: keep it, never share it"
    }
}

/// A line on stderr that says how far the packs are, rewritten in place; only on a terminal.
private final class PackProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let visible: Bool
    private let started = Date()
    private var done = 0

    init(total: Int, visible: Bool) {
        self.total = total
        self.visible = visible
    }

    func advance() {
        lock.withLock {
            done += 1
            guard visible else { return }
            let elapsed = Date().timeIntervalSince(started)
            let rate = Double(done) / max(elapsed, 1e-3)
            let left = Double(total - done) / rate
            FileHandle.standardError.write(Data(String(
                format: "\rpacks: %d of %d, %.1f a second, about %.0f s left   ", done, total, rate, left).utf8))
        }
    }

    func finish() {
        if visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
