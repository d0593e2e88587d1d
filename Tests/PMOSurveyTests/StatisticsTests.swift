import Hashing
import Testing
@testable import PMOSurvey

/// Wilson bounds worked out independently (Python, z = 1.959964) and Excel QUARTILE.INC values.
@Suite struct StatisticsTests {
    @Test(arguments: [
        (0, 5, 0.0, 0.4344824687),
        (5, 5, 0.5655175313, 1.0),
        (23, 165, 0.0947145489, 0.2004822542),
        (76, 165, 0.3863128356, 0.5366918572),
        (1, 1, 0.2065493118, 1.0),
        (0, 1, 0.0, 0.7934506882),
        (3, 10, 0.1077912666, 0.6032218547),
    ])
    func wilsonInterval(count: Int, base: Int, low: Double, high: Double) {
        let ci = Wilson.interval(count: count, base: base)
        #expect(abs(ci.low - low) < 1e-9)
        #expect(abs(ci.high - high) < 1e-9)
    }

    @Test func zeroAndAllAreExactBounds() {
        #expect(Wilson.interval(count: 0, base: 7).low == 0)
        #expect(Wilson.interval(count: 7, base: 7).high == 1)
    }

    @Test func shareIsUnrounded() {
        let share = Share(count: 76, base: 165)
        #expect(share.value == 76.0 / 165.0)
    }

    @Test(arguments: [
        ([4.0], 4.0, 4.0, 4.0),
        ([2.0, 8.0], 3.5, 5.0, 6.5),
        ([1.0, 2.0, 3.0, 4.0], 1.75, 2.5, 3.25),
        ([3.0, 1.0, 4.0, 1.0, 5.0], 1.0, 3.0, 4.0),
        ([0.5, 2.5, 10, 40.25, 7, 3], 2.625, 5.0, 9.25),
    ])
    func quartilesMatchExcelQuartileInc(values: [Double], q1: Double, median: Double, q3: Double) throws {
        let s = try #require(Summary(values))
        #expect(s.q1 == q1)
        #expect(s.median == median)
        #expect(s.q3 == q3)
        #expect(s.n == values.count)
        #expect(s.min == values.min())
        #expect(s.max == values.max())
        #expect(abs(s.mean - values.reduce(0, +) / Double(values.count)) < 1e-12)
    }

    @Test func noValuesNoSummary() {
        #expect(Summary([]) == nil)
    }

    @Test func sha256KnownDigests() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
