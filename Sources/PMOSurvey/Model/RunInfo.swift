import Foundation

/// Facts about one run that outputs record: when, and by which version of the tool.
public struct RunInfo: Sendable, Hashable {
    public static let toolVersion = "0.1.0"

    /// Seconds since 1970-01-01 UTC. From `SOURCE_DATE_EPOCH` when set, so that two runs of the
    /// same input can give identical bytes.
    public var generatedAt: Int
    public var toolVersion: String

    public init(generatedAt: Int, toolVersion: String = RunInfo.toolVersion) {
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
    }

    /// `SOURCE_DATE_EPOCH` when it holds a whole number, else `now`.
    public init(environment: [String: String], now: Int) {
        let epoch = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        self.init(generatedAt: epoch ?? now)
    }

    /// The UTC date and time of the run.
    public var generatedDate: SurveyDate { SurveyDate(unixTime: generatedAt) }
}
