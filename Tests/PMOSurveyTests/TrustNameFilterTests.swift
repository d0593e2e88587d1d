import Foundation
@testable import PMOSurvey
import Testing

/// The reader rules out most names without normalising them (`TrustNames.firstWordFingerprint`)
/// and normalises ASCII names byte by byte: both must agree with `TrustNames.normalised` exactly,
/// or a trust would silently not resolve.
@Suite struct TrustNameFilterTests {
    static let tricky = [
        "Leeds Teaching Hospitals NHS Trust", "LTHT", "the Rotherham NHS Foundation Trust", "The", "The ", "the&x", "The & Co",
        "&", "& Partners", "Leeds& York", "R&D Trust", "  , Leeds", "'s-Hertogenbosch", "`Quoted` Trust", "Guy’s and St Thomas’",
        "Leeds\u{0301} Trust", "ＬＴＨＴ", "Thé Trust", "THE  THE trust", "the the", "NHS Trust", "FT", "East London NHS FT",
        "Bristol NHS Trust Foundation Trust", "", "   ", "Saint-Trust", "Saint'Trust", "123 Trust", "the 4th",
    ]

    static var registerNames: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let text = (try? String(contentsOfFile: root + "/Reports/ods-etr-2026-11.csv", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            String(line.split(separator: "\",\"", maxSplits: 2)[1])
        }
    }

    @Test func theFirstWordFilterAgreesWithNormalising() {
        let names = Self.tricky + Self.registerNames
        #expect(names.count > 270)
        for name in names {
            let normalised = TrustNames.normalised(name)
            if let first = TrustNames.firstWordFingerprint(name) {
                #expect(first == TrustNames.fingerprint(TrustNames.firstWord(ofNormalised: normalised).utf8), "\(name) -> \(normalised)")
            }
            var bytes: [UInt8] = []
            if TrustNames.normalisedASCII(name, into: &bytes) {
                #expect(String(decoding: bytes, as: UTF8.self) == normalised, "\(name)")
            } else {
                #expect(name.utf8.contains { $0 >= 0x80 }, "\(name)")
            }
        }
        // Names that cannot be told from their first bytes say so.
        #expect(TrustNames.firstWordFingerprint("Leeds\u{0301} Trust") == nil)
        #expect(TrustNames.firstWordFingerprint("ＬＴＨＴ") == nil)
        #expect(TrustNames.firstWordFingerprint("") == nil)
    }
}
