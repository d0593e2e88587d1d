import Foundation
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
        var text = "trust_code,trust_name,state,reply_code,message_id,attempts\r\n"
        for line in lines {
            text += [line.code, line.name, line.state.rawValue, line.reply.map(String.init) ?? "", line.messageID ?? "", String(line.attempts)]
                .map(Self.field).joined(separator: ",") + "\r\n"
        }
        try PrivateFile.write(Array(text.utf8), to: folder + "/" + Self.fileName)
    }

    /// RFC 4180 quoting, and an apostrophe before `=`, `+`, `-`, `@` so a spreadsheet never runs a name.
    private static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
