import Foundation

/// A CSV file's records as text, by the reader's own rules (byte-order mark, CRLF, Windows-1252
/// when the bytes are not UTF-8), for looking at an export before it is read as a survey
/// (`pmo-report map`). Streams: `row` gets each record's line and fields and returns false to stop.
public enum CSVRows {
    public static func read(path: String, _ row: (_ line: Int, _ fields: [String]) throws -> Bool) throws {
        let file = (path as NSString).lastPathComponent
        do {
            try read(path: path, file: file, decoding: .utf8, row)
        } catch is TextDecoding.NotUTF8 {
            try read(path: path, file: file, decoding: .windows1252, row)
        }
    }

    private struct Stop: Error {}

    private static func read(path: String, file: String, decoding: TextDecoding,
                             _ row: (_ line: Int, _ fields: [String]) throws -> Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SurveyFileError.cannotOpen(file: file, reason: "no such file or unreadable") }
        defer { try? handle.close() }
        var parser = CSVParser()
        var first = true
        func take(_ record: CSVParser.Record) throws {
            let fields = try (0..<record.count).map { i in try record.withField(i) { try decoding.string($0) } }
            guard try row(record.line, fields) else { throw Stop() }
        }
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try chunk.withUnsafeBytes { raw in
                    var body = raw[...]
                    if first, raw.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
                    first = false
                    try parser.consume(UnsafeRawBufferPointer(rebasing: body), onRecord: take)
                }
            }
            try parser.finish(onRecord: take)
        } catch is Stop {}
    }
}
