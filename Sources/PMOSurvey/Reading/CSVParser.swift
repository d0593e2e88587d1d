/// A strict RFC 4180 parser over bytes, fed in chunks.
///
/// It keeps only the current record, so memory does not grow with the file; a field longer than
/// `maxFieldBytes` is cut (and flagged) so that it does not grow with one field either, and fields
/// after the first `maxFields` are dropped, so that a line of millions of commas is not millions
/// of fields. Lines are
/// counted as the file's physical lines, so every record knows where it starts.
struct CSVParser {
    /// What is wrong with a record's quoting. The record is still delivered so the reader can report it.
    enum Malformation: Equatable {
        /// `ab"c`: a quote inside a value that does not start with one.
        case strayQuote(field: Int)
        /// `"ab"c`: text between a closing quote and the next separator.
        case textAfterClosingQuote(field: Int)
        /// The file ends inside a quoted value.
        case unterminatedQuote(field: Int)
    }

    /// The record being built: all field bytes back to back, with where each field ends.
    struct Record {
        fileprivate(set) var bytes: [UInt8] = []
        fileprivate(set) var ends: [Int] = []
        /// Physical line where the record starts (1-based).
        fileprivate(set) var line = 1
        fileprivate(set) var malformation: Malformation?
        /// Indexes of fields cut to `maxFieldBytes`.
        fileprivate(set) var truncatedFields: [Int] = []

        var count: Int { ends.count }

        func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            let start = index == 0 ? 0 : ends[index - 1]
            return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
        }

        func fieldLength(_ index: Int) -> Int { ends[index] - (index == 0 ? 0 : ends[index - 1]) }

        /// True for an empty line, or a line of separators only: nothing was answered.
        var isBlank: Bool { bytes.isEmpty && malformation == nil }

        /// A record of already separated fields, e.g. a row of an .xlsx sheet, each cut to
        /// `maxFieldBytes` and flagged as a CSV field is.
        mutating func set(line: Int, fields: [String], maxFieldBytes: Int) {
            reset(line: line)
            for (index, field) in fields.enumerated() {
                let utf8 = field.utf8
                if utf8.count > maxFieldBytes {
                    bytes.append(contentsOf: utf8.prefix(maxFieldBytes))
                    truncatedFields.append(index)
                } else {
                    bytes.append(contentsOf: utf8)
                }
                ends.append(bytes.count)
            }
        }

        fileprivate mutating func reset(line: Int) {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            truncatedFields.removeAll(keepingCapacity: true)
            malformation = nil
            self.line = line
        }
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, afterCR
    }

    let maxFieldBytes: Int
    /// One more than the widest header the reader takes, so that it sees a wider one for what it is.
    let maxFields: Int
    private(set) var record = Record()
    private var state = State.fieldStart
    private var fieldStart = 0
    private var fieldQuoted = false
    private var line = 1
    private var quoteLine = 1
    /// Whether the current record has any byte at all (distinguishes an empty line from end of input).
    private var recordStarted = false

    init(maxFieldBytes: Int = 1 << 20, maxFields: Int = 16_385) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
    }

    /// Line where the last unterminated quote opened, for the error message.
    var openQuoteLine: Int { quoteLine }

    mutating func consume(_ chunk: UnsafeRawBufferPointer, onRecord: (Record) throws -> Void) rethrows {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch state {
            case .afterCR:
                // CRLF is one line break; a bare CR (old Mac files) counts as one too.
                state = .fieldStart
                if b == lf { i += 1 }
                continue
            case .fieldStart:
                recordStarted = true
                if b == quote {
                    fieldQuoted = true
                    quoteLine = line
                    state = .quoted
                    i += 1
                    continue
                }
                fieldQuoted = false
                state = .unquoted
                continue
            case .unquoted:
                // Copy the run of ordinary bytes in one go.
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == comma || c == lf || c == cr || c == quote { break }
                    j += 1
                }
                append(bytes, i, j)
                i = j
                guard i < n else { break }
                let c = bytes[i]
                i += 1
                if c == comma {
                    endField()
                    state = .fieldStart
                } else if c == quote {
                    if record.malformation == nil { record.malformation = .strayQuote(field: record.ends.count) }
                    appendByte(quote)
                } else {
                    try endRecord(onRecord, afterCR: c == cr)
                }
            case .quoted:
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == quote { break }
                    if c == lf { line += 1 }
                    j += 1
                }
                append(bytes, i, j)
                i = j
                guard i < n else { break }
                i += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                if b == quote {
                    appendByte(quote)
                    state = .quoted
                    i += 1
                } else if b == comma {
                    endField()
                    state = .fieldStart
                    i += 1
                } else if b == lf || b == cr {
                    i += 1
                    try endRecord(onRecord, afterCR: b == cr)
                } else {
                    if record.malformation == nil {
                        record.malformation = .textAfterClosingQuote(field: record.ends.count)
                    }
                    state = .unquoted
                }
            }
        }
    }

    /// Delivers the last record when the input does not end with a line break.
    mutating func finish(onRecord: (Record) throws -> Void) rethrows {
        switch state {
        case .quoted:
            if record.malformation == nil { record.malformation = .unterminatedQuote(field: record.ends.count) }
            try endRecord(onRecord, afterCR: false)
        case .unquoted, .quoteInQuoted:
            try endRecord(onRecord, afterCR: false)
        case .fieldStart where recordStarted:
            try endRecord(onRecord, afterCR: false)
        case .fieldStart, .afterCR:
            break
        }
        state = .fieldStart
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard from < to else { return }
        let fieldLength = record.bytes.count - fieldStart
        let room = maxFieldBytes - fieldLength
        if to - from <= room {
            record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
        } else {
            if room > 0 { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<(from + room)])) }
            markTruncated()
        }
    }

    @inline(__always)
    private mutating func appendByte(_ byte: UInt8) {
        if record.bytes.count - fieldStart < maxFieldBytes { record.bytes.append(byte) } else { markTruncated() }
    }

    private mutating func markTruncated() {
        let field = record.ends.count
        if record.truncatedFields.last != field { record.truncatedFields.append(field) }
    }

    private mutating func endField() {
        if record.ends.count < maxFields {
            record.ends.append(record.bytes.count)
        } else {
            record.bytes.removeSubrange(fieldStart...)
        }
        fieldStart = record.bytes.count
    }

    /// Ends the record at a line break (or at the end of input) and starts the next on the next line.
    private mutating func endRecord(_ onRecord: (Record) throws -> Void, afterCR: Bool) rethrows {
        endField()
        try onRecord(record)
        line += 1
        record.reset(line: line)
        fieldStart = 0
        recordStarted = false
        state = afterCR ? .afterCR : .fieldStart
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
