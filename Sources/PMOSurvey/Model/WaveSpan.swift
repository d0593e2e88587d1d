/// The waves of a survey in a phrase of bounded length, for covers and summaries: a daily pulse
/// survey has thousands of waves, and listing them all runs off a page or past a cell's limit.
extension Survey {
    /// Up to this many waves are listed by name; more are named by their range.
    public static let wavesListed = 4

    /// `2014-12`, `2014-12 and 2015-12`, or `4,082 waves, W00000 to W04081`.
    public var waveSpan: String {
        let labels = waves.map { Self.shortened($0.displayLabel) }
        guard labels.count > Self.wavesListed else {
            guard labels.count > 1 else { return labels.first ?? "" }
            return labels.dropLast().joined(separator: ", ") + " and " + labels[labels.count - 1]
        }
        return "\(labels.count.grouped) waves, \(labels[0]) to \(labels[labels.count - 1])"
    }

    /// Longest wave label a summary shows whole; longer ones are cut with an ellipsis.
    public static let waveLabelLength = 40

    /// A wave label cut to `waveLabelLength` characters, on one line.
    public static func shortened(_ label: String) -> String {
        let line = label.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= waveLabelLength ? line : line.prefix(waveLabelLength - 1) + "…"
    }
}
