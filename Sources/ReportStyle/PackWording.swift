import PMOSurvey

/// The sentences a pack says in both its workbook and its PDF, written once so that the two
/// always agree.
extension TrustBenchmark {
    /// Why a comparison shows no band: withheld, or no value of the trust's own. nil when it has one.
    public func note(for c: PeerComparison) -> String? {
        if c.isWithheld {
            return "Withheld: too few \(c.group.peersDescription) that were not named gave a figure"
        }
        if c.value == nil {
            return c.measure == .centralFTE
                ? "No central PMO FTE of your own (\(trust.model.phrase), or not given)"
                : "Needs your central PMO FTE and staff headcount"
        }
        return nil
    }

    /// `6.0 FTE: upper-middle quarter (median to upper quartile) of 6 all other trusts; median 4.5;
    /// percentile rank 66.7`, or the reason there is no position.
    public func sentence(for c: PeerComparison) -> String {
        if let note = note(for: c) { return note }
        guard let value = c.value, let band = c.band, let summary = c.distribution, let rank = c.percentileRank else {
            return "No peers with a figure"
        }
        let style = c.measure.style
        return "\(style.text(value)): \(band.name.lowercased()) (\(band.range.lowercased())) among "
            + "\(c.peerCount) \(c.group.peersDescription); their median \(style.text(summary.median)); "
            + "percentile rank \(NumberText.decimal(rank, places: 1))"
    }

    /// The method and privacy notes of the pack, as headed paragraphs.
    public func about(definition: ReportDefinition, sourceFile: String, toolVersion: String) -> [(String, [String])] {
        [
            ("Who this pack is for", [
                "This pack was made for \(trust.trustName) alone, from the \(wave) wave of the \(definition.title). "
                    + "Classification: \(definition.classification). Please do not pass it on outside your trust.",
                "Other trusts appear under peer codes (Peer 001, ...) that say nothing about their name or place in the "
                    + "survey file, and are the same in every pack and in the shared report; a trust appears by name only "
                    + "where it agreed. Other trusts' comments and local names are never shown.",
            ]),
            ("Peers", [
                "Peers are the other trusts of the latest wave: all trusts, the trusts of your sector (\(trust.sector.rawValue)) "
                    + "and the trusts of your size band (\(trust.trustSize.rawValue.lowercased()), by staff headcount). Your own "
                    + "answer is never part of the figures you are compared with.",
                "Other trusts that did not agree to be named are protected: a share is withheld where fewer than "
                    + "\(rules.smallestCount) of them are in its base, or where all or all but one of them gave the same answer; "
                    + "a median, quartile, quartile band or percentile rank is withheld where fewer than "
                    + "\(rules.smallestStatistics) of them gave a figure; the lowest and highest values are never shown, since each "
                    + "is one trust's answer. A peer shown by its code shows its central PMO FTE only."
            ]),
            ("Figures", [
                "Central PMO FTE counts trusts with a central or hybrid model that gave the figure. FTE per 1,000 staff = "
                    + "central PMO FTE / staff headcount x 1,000, where both are known.",
                "Quartiles use inclusive linear interpolation (Excel QUARTILE.INC). Quartile bands follow the Model Health "
                    + "System: minimum to lower quartile, lower quartile to median, median to upper quartile, upper quartile to "
                    + "maximum; each band includes its lower bound, so a value equal to the median is in the upper-middle band.",
                "Percentile rank = per cent of peers with a lower value plus half the per cent with the same value (0 to 100): "
                    + "50 means as many peers above as below.",
                "Shares of project types and services are of the trusts with a project function that answered the question; "
                    + "trusts could choose several, so shares add to more than 100%.",
            ]),
            ("Source", [
                "Survey file \(sourceFile); \(trustCount) trusts in the \(wave) wave. Made by pmo-report \(toolVersion).",
            ]),
        ]
    }
}

extension PeerComparison.Measure {
    /// How every output writes the measure: FTE to one place, per 1,000 staff to two.
    public var style: NumberStyle { self == .centralFTE ? .amount : .ratio }
}
