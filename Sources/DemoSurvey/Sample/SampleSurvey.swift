import PMOSurvey

/// A realistic, fictional PMO survey of England's NHS trusts, for the shipped sample, tests and
/// benchmarks.
///
/// The same `(trusts, waves, seed)` gives the same bytes on every machine: every value comes from
/// a seeded generator, one independent stream per trust and per trust and wave, so rows are made
/// one at a time and a file of a million responses never sits in memory.
///
/// Waves are labelled `2014-12`, `2015-12`, ...; about 88% of trusts answer an earlier wave and
/// 95% the latest; about one trust in five changes its model between waves. From 50 trusts on,
/// fixed trusts carry the situations the survey was born from and the messiness of a real
/// export (see `SampleSituation`); at any size a few rows are resubmitted (0.5%) or invalid (0.3%).
public struct SampleSurvey: Sendable {
    public let trusts: Int
    public let waves: Int
    public let seed: UInt64

    /// The most trusts that get distinct ODS-like codes.
    public static let maximumTrusts = SampleTrustCode.capacity

    public init(trusts: Int, waves: Int, seed: UInt64) {
        precondition((1...Self.maximumTrusts).contains(trusts), "trusts must be 1 to \(Self.maximumTrusts)")
        precondition(waves >= 1, "waves must be at least 1")
        self.trusts = trusts
        self.waves = waves
        self.seed = seed
    }

    /// Streams the CSV (header and records, LF line ends, UTF-8 without byte-order mark) in chunks
    /// of about 64 KB to `write`.
    public func write<Failure: Error>(_ write: (String) throws(Failure) -> Void) throws(Failure) {
        var csv = CSVWriter()
        csv.record(SampleResponse.header)
        try records { fields throws(Failure) in
            csv.record(fields)
            if csv.byteCount >= 1 << 16 { try write(csv.take()) }
        }
        if csv.byteCount > 0 { try write(csv.take()) }
    }

    /// The columns of every record, as the CSV's header names them.
    public static var header: [String] { SampleResponse.header }

    /// Every record's fields in `header` order, as the CSV writes them: what the sample exports
    /// of survey tools are made from, so that they hold the same responses.
    public func records<Failure: Error>(_ record: ([String]) throws(Failure) -> Void) throws(Failure) {
        for number in 0..<waves {
            let wave = SampleWave(number: number)
            var sequence = 0
            for index in 0..<trusts {
                let situation = SampleSituation.of(trust: index, trusts: trusts)
                let plan = plan(trust: index, situation: situation, wave: number)
                guard plan.answers else { continue }
                let trust = SampleTrust(index: index, trusts: trusts, waves: waves, seed: seed)
                var random = SeededRandom(seed: seed, 3, UInt64(index), UInt64(number))
                var response = SampleResponse(trust: trust, wave: wave, random: &random)
                if let situation, situation.isStory || situation.wave(of: waves) == number {
                    response.apply(situation, wave: wave)
                }
                if let defect = plan.defect { response.apply(defect, wave: wave) }
                sequence += 1
                response.responseID = wave.responseID(sequence)
                try record(response.fields)
                if plan.resubmits {
                    var later = response.resubmission(random: &random)
                    sequence += 1
                    later.responseID = wave.responseID(sequence)
                    try record(later.fields)
                }
            }
        }
    }

    /// The number of records (rows after the header) that `write` produces.
    public var recordCount: Int {
        var count = 0
        for wave in 0..<waves {
            for index in 0..<trusts {
                let plan = plan(trust: index, situation: SampleSituation.of(trust: index, trusts: trusts), wave: wave)
                if plan.answers { count += plan.resubmits ? 2 : 1 }
            }
        }
        return count
    }

    /// Whether a trust answers a wave, answers it twice, or answers it invalidly.
    private struct Plan {
        var answers: Bool
        var resubmits: Bool
        var defect: SampleDefect?
    }

    private func plan(trust index: Int, situation: SampleSituation?, wave: Int) -> Plan {
        var random = SeededRandom(seed: seed, 2, UInt64(index), UInt64(wave))
        var plan = Plan(
            answers: random.chance(wave == waves - 1 ? 0.95 : 0.88),
            resubmits: random.chance(0.005),
            defect: random.chance(0.003) ? random.pick(SampleDefect.allCases) : nil)
        if let situation {
            if situation.isStory {
                plan = Plan(answers: true, resubmits: false, defect: nil)
            } else if situation.wave(of: waves) == wave {
                plan = Plan(answers: true,
                            resubmits: situation == .resubmittedLatest || situation == .resubmittedFirst,
                            defect: nil)
            }
        }
        return plan
    }
}
