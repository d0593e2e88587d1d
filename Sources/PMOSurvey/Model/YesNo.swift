/// The answer to a yes-or-no question (foundation trust, consent to be named): one vocabulary for
/// reading the survey, checking and proposing a mapping's values, and writing the sample exports.
public enum YesNo: String, CaseIterable, Sendable, Hashable {
    case yes
    case no

    /// Reads an answer: `yes`, `y`, `true`, `1` and `no`, `n`, `false`, `0`, ignoring case.
    public init?(answer: String) {
        switch answer.foldedCase {
        case "yes", "y", "true", "1": self = .yes
        case "no", "n", "false", "0": self = .no
        default: return nil
        }
    }

    public var isYes: Bool { self == .yes }
}
