import ArgumentParser
import Foundation
import OpenSSLDigest
import PMOSurvey

/// Reads and validates the input for any command, turning file errors into messages and exit codes.
enum SurveyLoading {
    static func load(_ path: String, bounds: SizeBounds, run: RunInfo) throws -> Survey {
        do {
            return try SurveyReader(bounds: bounds, currentYear: run.generatedDate.year, sha256: OpenSSLSHA256.self).read(path: path)
        } catch {
            if case .noValidRows(let file, _, let findings) = error {
                for finding in findings { Console.note("\(file): \(finding)") }
            }
            Console.error(error.description)
            throw error.isUnreadable ? ExitStatus.noInput : ExitStatus.dataError
        }
    }
}

extension RunInfo {
    /// This run: the time from `SOURCE_DATE_EPOCH` when set, else the clock.
    static var current: RunInfo {
        RunInfo(environment: ProcessInfo.processInfo.environment, now: Int(Date().timeIntervalSince1970))
    }
}
