import Foundation
import JSONRenderer
import PDFRenderer
import PMOSurvey
import WorkbookRenderer

/// The files a run can write, each by its own renderer.
enum OutputKind: String, CaseIterable, Sendable {
    case json
    case workbook
    case pdf

    var fileName: String {
        switch self {
        case .json: "\(Defaults.baseName).json"
        case .workbook: "\(Defaults.baseName).xlsx"
        case .pdf: "\(Defaults.baseName).pdf"
        }
    }

    /// Renders this output of `analysis` to `path`; throws, leaving no file, on failure.
    func write(_ analysis: Analysis, run: RunInfo, to path: String) throws {
        switch self {
        case .json: try JSONReport(analysis: analysis, run: run).write(to: path)
        case .workbook: try WorkbookReport(analysis: analysis, run: run).write(to: path)
        case .pdf: try PDFReport(analysis: analysis, run: run).write(to: path)
        }
    }
}

/// An output that could not be written, and why.
struct OutputFailure: Error, CustomStringConvertible {
    let kind: OutputKind
    let cause: any Error
    var description: String { "cannot write \(kind.fileName): \(cause)" }
}

extension OutputKind {
    /// Writes each output on its own thread and returns how long each took. The renderers share
    /// nothing (libxlsxwriter, Cairo and Pango, plain Swift), each keeps to its one thread, and the
    /// workbook alone takes most of a large run, so the others finish in its shadow. Throws the
    /// first failure in `kinds` order once all have finished.
    static func write(_ kinds: [OutputKind], _ analysis: Analysis, run: RunInfo,
                      paths: [String]) throws -> [(kind: OutputKind, seconds: Double)] {
        let results = Slots<Result<Double, any Error>>(count: kinds.count)
        DispatchQueue.concurrentPerform(iterations: kinds.count) { i in
            let clock = ContinuousClock()
            let start = clock.now
            let result = Result { try kinds[i].write(analysis, run: run, to: paths[i]) }
            let elapsed = (clock.now - start).seconds
            results.set(i, result.map { elapsed })
        }
        return try zip(kinds, results.all).map { kind, result in
            do { return (kind, try result.get()) } catch { throw OutputFailure(kind: kind, cause: error) }
        }
    }
}
