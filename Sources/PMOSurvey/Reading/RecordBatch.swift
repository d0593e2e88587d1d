/// Records waiting to be checked, stored back to back: one set of buffers per batch rather than
/// arrays per record, so the parser keeps reusing its own record and nothing is allocated per row.
struct RecordBatch: Sendable {
    private var bytes: [UInt8] = []
    /// Where each field ends, counted from the start of its record's bytes.
    private var fieldEnds: [Int] = []
    private var records: [Entry] = []

    private struct Entry: Sendable {
        var line: Int
        var firstByte: Int
        var firstField: Int
        var fieldCount: Int
        var malformation: CSVParser.Malformation?
        var truncatedFields: [Int]
    }

    /// Room for `records` records like those of `previous`, so that the buffers do not grow
    /// record by record; at most `maxReservedBytes` of text, since one record of huge answers
    /// says nothing about the next 2,047 (a row of twenty 1 MiB answers asked for 53 GB).
    init(capacity records: Int, like previous: RecordBatch? = nil) {
        self.records.reserveCapacity(records)
        guard let previous, previous.count > 0 else { return }
        bytes.reserveCapacity(min(previous.bytes.count / previous.count * records * 5 / 4, Self.maxReservedBytes))
        fieldEnds.reserveCapacity(min(previous.fieldEnds.count / previous.count * records * 5 / 4, Self.maxReservedBytes / 8))
    }

    /// 16 MiB: a batch of ordinary responses (a few hundred bytes each) fits many times over.
    static let maxReservedBytes = 16 << 20

    /// What the batch holds in its buffers, for tests of the reservation.
    var reservedBytes: Int { bytes.capacity + fieldEnds.capacity * MemoryLayout<Int>.stride }

    var count: Int { records.count }

    mutating func append(_ record: CSVParser.Record) {
        records.append(Entry(line: record.line, firstByte: bytes.count, firstField: fieldEnds.count,
                             fieldCount: record.count, malformation: record.malformation,
                             truncatedFields: record.truncatedFields))
        bytes.append(contentsOf: record.bytes)
        fieldEnds.append(contentsOf: record.ends)
    }

    /// `transform` applied to every record, last record first.
    func mapFromLast<T>(_ transform: (BatchedRecord) throws -> T) rethrows -> [T] {
        try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try records.indices.reversed().map { i in
                    let r = records[i]
                    let byteEnd = i + 1 < records.count ? records[i + 1].firstByte : bytes.count
                    return try transform(BatchedRecord(
                        line: r.line, malformation: r.malformation, truncatedFields: r.truncatedFields,
                        bytes: UnsafeBufferPointer(rebasing: bytes[r.firstByte..<byteEnd]),
                        ends: UnsafeBufferPointer(rebasing: ends[r.firstField..<(r.firstField + r.fieldCount)])))
                }
            }
        }
    }
}

/// One record of a `RecordBatch`, valid only inside `mapFromLast`: what `CSVParser.Record` says
/// about a record, without owning its bytes.
struct BatchedRecord {
    let line: Int
    let malformation: CSVParser.Malformation?
    /// Indexes of fields cut to the longest field kept.
    let truncatedFields: [Int]
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>

    var count: Int { ends.count }

    /// True for an empty line, or a line of separators only: nothing was answered.
    var isBlank: Bool { bytes.isEmpty && malformation == nil }

    func fieldLength(_ index: Int) -> Int { ends[index] - (index == 0 ? 0 : ends[index - 1]) }

    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
    }
}
