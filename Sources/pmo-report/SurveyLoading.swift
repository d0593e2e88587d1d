import ArgumentParser
import Foundation
import OpenSSLDigest
import PMOSurvey
import SurveyImport

/// Reads and validates the input for any command, turning file errors into messages and exit codes.
enum SurveyLoading {
    static func load(_ path: String, bounds: SizeBounds, run: RunInfo) throws -> Survey {
        try load([InputSpec(file: path, mapping: nil)], bounds: bounds, run: run)
    }

    /// Reads the inputs as one survey, each export through its mapping.
    static func load(_ specs: [InputSpec], bounds: SizeBounds, run: RunInfo) throws -> Survey {
        let inputs = try specs.map { spec in
            SurveyInput.export(path: spec.file, mapping: try spec.mapping.map(loadMapping))
        }
        do {
            return try SurveyReader(bounds: bounds, currentYear: run.generatedDate.year, sha256: OpenSSLSHA256.self).read(inputs: inputs)
        } catch {
            if case .noValidRows(let file, _, let findings) = error {
                for finding in findings { Console.note(finding.file == nil ? "\(file): \(finding)" : "\(finding)") }
            }
            Console.error(error.description)
            throw error.isUnreadable ? ExitStatus.noInput : error.isBadMapping ? ExitStatus.badDefinition : ExitStatus.dataError
        }
    }

    /// A mapping file, or exit 64 (66 when it cannot be opened) with the reason.
    static func loadMapping(_ path: String) throws -> Mapping {
        do {
            return try Mapping.load(path: path)
        } catch {
            Console.error(error.description)
            throw error.isUnreadable ? ExitStatus.noInput : ExitStatus.badDefinition
        }
    }
}

extension Survey {
    /// A finding as the operator reads it: with the file it is about.
    func describe(_ finding: Finding) -> String {
        finding.file == nil ? "\(source.fileName): \(finding)" : "\(finding)"
    }
}

extension RunInfo {
    /// This run: the time from `SOURCE_DATE_EPOCH` when set, else the clock.
    static var current: RunInfo {
        RunInfo(environment: ProcessInfo.processInfo.environment, now: Int(Date().timeIntervalSince1970))
    }
}
