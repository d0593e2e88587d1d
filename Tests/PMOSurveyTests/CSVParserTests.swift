import Testing
@testable import PMOSurvey

@Suite struct CSVParserTests {
    struct Parsed: Equatable {
        var line: Int
        var fields: [String]
        var malformation: CSVParser.Malformation?
    }

    /// Parses `text`, fed `chunkSize` bytes at a time so records cross chunk boundaries.
    func parse(_ text: String, chunkSize: Int = 1 << 20, maxFieldBytes: Int = 1 << 20) -> [Parsed] {
        var parser = CSVParser(maxFieldBytes: maxFieldBytes)
        var out: [Parsed] = []
        let collect: (CSVParser.Record) -> Void = { r in
            let fields = (0..<r.count).map { i in r.withField(i) { String(decoding: $0, as: UTF8.self) } }
            out.append(Parsed(line: r.line, fields: fields, malformation: r.malformation))
        }
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            bytes[start..<end].withUnsafeBytes { parser.consume($0, onRecord: collect) }
            start = end
        }
        parser.finish(onRecord: collect)
        return out
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func quotedCommasLineBreaksAndDoubledQuotes(chunkSize: Int) {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n3,,\n"
        let records = parse(text, chunkSize: chunkSize)
        #expect(records == [
            Parsed(line: 1, fields: ["a", "b", "c"]),
            Parsed(line: 2, fields: ["1", "x, y", "say \"hi\""]),
            Parsed(line: 3, fields: ["2", "two\nlines", "z"]),
            Parsed(line: 5, fields: ["3", "", ""]),
        ])
    }

    @Test func lastRecordWithoutLineBreak() {
        #expect(parse("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(parse("a,b\n1,").map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func blankLinesAreCountedInLineNumbers() {
        let records = parse("h\n\n\nx\r\n\r\ny\n")
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(records.filter { !$0.fields.allSatisfy(\.isEmpty) }.map(\.line) == [1, 4, 6])
    }

    @Test func bareCarriageReturnsEndRecords() {
        #expect(parse("a,b\r1,2\r").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func strayQuoteIsReportedAndKeptLiterally() {
        let r = parse("a,b\n1,ab\"c\n")[1]
        #expect(r.fields == ["1", "ab\"c"])
        #expect(r.malformation == .strayQuote(field: 1))
    }

    @Test func textAfterClosingQuoteIsReported() {
        let r = parse("a,b\n\"x\"y,2\n")[1]
        #expect(r.malformation == .textAfterClosingQuote(field: 0))
        #expect(r.fields == ["xy", "2"])
    }

    @Test func unterminatedQuoteAtEndOfFile() {
        let records = parse("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].line == 2)
        #expect(records[1].malformation == .unterminatedQuote(field: 1))
    }

    @Test(arguments: [1, 5, 1 << 20])
    func longFieldIsCutNotKept(chunkSize: Int) {
        var parser = CSVParser(maxFieldBytes: 10)
        var lengths: [[Int]] = [], truncated: [[Int]] = []
        let text = Array("a,\(String(repeating: "x", count: 100)),\"\(String(repeating: "y", count: 50))\"\n".utf8)
        var start = 0
        while start < text.count {
            let end = min(start + chunkSize, text.count)
            text[start..<end].withUnsafeBytes { bytes in
                parser.consume(bytes) { r in
                    lengths.append((0..<r.count).map(r.fieldLength))
                    truncated.append(r.truncatedFields)
                }
            }
            start = end
        }
        #expect(lengths == [[1, 10, 10]])
        #expect(truncated == [[1, 2]])
    }
}
