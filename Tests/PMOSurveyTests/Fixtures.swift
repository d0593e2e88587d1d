import Foundation
import TestSupport
@testable import PMOSurvey

/// Writes test input to a real file in a fresh temporary folder and reads it with the real reader.
enum Fixtures {
    static func file(_ bytes: [UInt8], name: String = "survey.csv") -> String {
        let path = ScratchFolder.make("survey") + "/" + name
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    static func file(_ text: String, name: String = "survey.csv") -> String { file(Array(text.utf8), name: name) }

    static func read(_ text: String, bounds: SizeBounds = .standard) throws -> Survey {
        try SurveyReader(bounds: bounds, currentYear: 2026).read(path: file(text))
    }

    static let header = "response_id,wave,submitted,trust_code,trust_name,sector,staff_headcount,pmo_model,central_pmo_fte,project_types,pmo_services,reports_to,share_consent\n"
}

extension Survey {
    func findings(line: Int) -> [Finding] { findings.filter { $0.line == line } }
}
