import Dispatch
import FileSafety
import Foundation
import PMOSurvey
import Publishing

/// Writes a benchmark pack (each document of `Output.packRenderers`) for every trust of the latest
/// wave into a `packs` folder, with an index for the operator's mail-merge. Packs are independent,
/// so they are made on every core at once. A pack that fails is logged, and fails the run once
/// the others are done: a board sends packs to every trust or to none.
///
/// The index maps every trust to its peer code, so it is kept beside `packs/`, never in it:
/// operators hand the folder out whole ("your pack is on the shared drive"), and one copy of the
/// index there would name every peer in every pack.
public struct TrustPacks: Sendable {
    public static let folderName = "packs"
    public static let indexName = "packs-index-not-for-sharing.csv"

    /// What the packs took, for the summary.
    public struct Outcome: Sendable {
        /// Each trust's files (`packs/...`), in the index's order, with the size and SHA-256 taken
        /// once as they were written: for the index and a run's manifest alike.
        public let trusts: [Manifest.Pack]
        public var written: Int { trusts.count }
        /// The files written into the packs folder, by name.
        public var files: [String] {
            trusts.flatMap(\.files).map { String($0.file.dropFirst(TrustPacks.folderName.count + 1)) }.sorted()
        }
        public let seconds: Double
        public let cpuSeconds: Double
    }

    /// One written pack, for the index.
    private struct Entry: Sendable {
        let trust: Response
        let peerCode: String
        let files: [(name: String, digest: FileDigest)]
    }

    /// How far the packs are: how many are done, of how many.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    let analysis: Analysis
    let run: RunInfo
    /// Called as each pack is finished, from any thread.
    let progress: Progress?

    /// Writes every pack into `folder` (created here) and the index to `indexPath`; logs each
    /// trust left without a pack, then fails with them all.
    func write(into folder: String, index indexPath: String, log: PipelineLog) throws(PipelineError) -> Outcome {
        do {
            return try writeAll(into: folder, index: indexPath, log: log)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(nil, "cannot write the benchmark packs", underlying: error)
        }
    }

    private func writeAll(into folder: String, index indexPath: String, log: PipelineLog) throws -> Outcome {
        let started = Date(), cpuStarted = Self.cpuSeconds()
        try createFolders(folder)
        let benchmarks = Benchmarks(analysis: analysis)
        let trusts = benchmarks.trusts
        let stems = PackFileNames.assign(trusts)
        let results = Slots<Result<Entry, PackFailure>>(count: trusts.count)
        let done = Counter()

        // One workbook and one PDF per thread at a time: libxlsxwriter and Pango keep per-document
        // state only (Workbook.close is serialised; each Document has its own font map).
        DispatchQueue.concurrentPerform(iterations: trusts.count) { i in
            let trust = trusts[i]
            let benchmark = benchmarks.benchmark(for: trust)
            let renderers = Output.packRenderers(benchmark, analysis: analysis, run: run)
            let names = renderers.map { stems[i] + "." + type(of: $0).fileExtension }
            do {
                var files: [(String, FileDigest)] = []
                for (renderer, name) in zip(renderers, names) {
                    let path = folder + "/" + name
                    try renderer.write(to: path)
                    files.append((name, try FileDigest(path: path)))
                }
                results.set(i, .success(Entry(trust: trust, peerCode: benchmark.naming.peerCode(trust), files: files)))
            } catch {
                for name in names { unlink(folder + "/" + name) }
                results.set(i, .failure(PackFailure(trust: trust.trustName, reason: (error as? any OutputError)?.cause ?? "\(error)")))
            }
            progress?(done.increment(), trusts.count)
        }

        let entries = results.all.compactMap { if case .success(let e) = $0 { e } else { nil } }
        let failures = results.all.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        for failure in failures { log.error("no benchmark pack for \(failure.trust): \(failure.reason)") }
        guard failures.isEmpty else {
            throw PipelineError(.cannotCreate, "\(failures.count) of \(trusts.count) benchmark packs failed")
        }
        var index = try AtomicFile(replacing: indexPath)
        try index.write(Self.index(entries))
        try index.commit()
        let packs = entries.map { entry in
            Manifest.Pack(trustName: entry.trust.trustName, trustCode: entry.trust.trustCode ?? "", files: entry.files.map {
                Manifest.Output(file: Self.folderName + "/" + $0.name, digest: $0.digest)
            })
        }
        return Outcome(trusts: packs,
                       seconds: Date().timeIntervalSince(started), cpuSeconds: Self.cpuSeconds() - cpuStarted)
    }

    private struct PackFailure: Error {
        let trust: String
        let reason: String
    }

    /// The index names every trust: it is for the operator, never for sharing. A spreadsheet
    /// opening it never runs a trust's name as a formula.
    private static func index(_ entries: [Entry]) -> [UInt8] {
        var csv = CSVWriter(lineEnding: .crlf, guardsFormulas: true)
        csv.record(["trust_name", "trust_code", "sector", "peer_code", "workbook", "workbook_sha256", "pdf", "pdf_sha256"])
        for e in entries {
            csv.record([e.trust.trustName, e.trust.trustCode ?? "", e.trust.sector.rawValue, e.peerCode]
                + e.files.flatMap { [$0.name, $0.digest.sha256] })
        }
        return csv.takeBytes()
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

/// How many packs are done, counted from every thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
