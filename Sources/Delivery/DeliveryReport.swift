import Foundation
import PMOSurvey
import ReportPipeline

/// `report.csv` beside the plan: where each trust's message stands after a confirmed run, with the
/// relay's reply code and the Message-ID to look for in the relay's logs or the sent items.
struct DeliveryReport {
    static let fileName = "report.csv"

    enum State: String {
        case sent
        case sentEarlier = "sent earlier"
        case failed
        case uncertain
        case notSent = "not sent"
    }

    struct Line {
        var code: String
        var name: String
        var state: State
        var reply: Int?
        var messageID: String?
        var attempts = 0
    }

    var lines: [Line]

    func count(_ state: State) -> Int { lines.filter { $0.state == state }.count }

    func write(into folder: String) throws(PipelineError) {
        var csv = CSVWriter(lineEnding: .crlf, guardsFormulas: true)
        csv.record(["trust_code", "trust_name", "state", "reply_code", "message_id", "attempts"])
        for line in lines {
            csv.record([line.code, line.name, line.state.rawValue, line.reply.map(String.init) ?? "", line.messageID ?? "", String(line.attempts)])
        }
        try PrivateFile.write(csv.takeBytes(), to: folder + "/" + Self.fileName)
    }
}
