import PMOSurvey

extension SampleResponse {
    /// Writes a story trust's defining answers over the drawn ones (its sector and model are set
    /// on the trust), or a messy situation's oddity in the wave it belongs to.
    mutating func apply(_ situation: SampleSituation, wave: SampleWave) {
        switch situation {
        case .transformationAndChangeTeam:
            pmoName = "Transformation & Change Team"
            projectTypes = "Financial; IT; Quality; Transformation"
            services = "Portfolio reporting; Change facilitation; Benefits realisation; Training"
            (centralFTE, devolvedFTE) = (45, 60)
            comments = "We rebranded the PMO as the \"Transformation & Change Team\" in 2013; it covers CIP, IT, quality and transformation projects, not just £ savings."
        case .smallHybrid:
            pmoName = "PMO"
            (centralFTE, devolvedFTE) = (30, 120)
            comments = "Small central PMO (3 FTE) sets the standards, project managers sit in the three clinical divisions."
        case .mediumHybrid:
            pmoName = "Programme Management Office"
            (centralFTE, devolvedFTE) = (85, 150)
        case .devolvedAcute:
            pmoName = ""
            (centralFTE, devolvedFTE) = (nil, 140)
            comments = "No central PMO: each division has its own project managers, reporting to the divisional director."
        case .devolvedMentalHealth:
            pmoName = "Service improvement leads"
            (centralFTE, devolvedFTE) = (0, 65)
        case .largeCentral1, .largeCentral2, .largeCentral3:
            pmoName = ["Enterprise PMO", "Programme Management Office", "Transformation Office"][situation.rawValue % 3]
            centralFTE = [185, 260, 380][situation.rawValue % 3]
            devolvedFTE = nil
        case .noneWithCentralFTE:
            centralFTE = 15
            comments = "No formal PMO; 1.5 FTE in the business planning team support the CIP."
        case .resubmittedLatest, .resubmittedFirst:
            break
        case .unknownSector, .negativeFTE, .impossibleDate, .missingTrustName, .unknownService:
            situation.defect.map { apply($0, wave: wave) }
        }
    }

    /// Makes the row invalid in one way.
    mutating func apply(_ defect: SampleDefect, wave: SampleWave) {
        switch defect {
        case .unknownSector: sector = "Hospital"
        case .negativeFTE: centralFTE = -20
        case .impossibleDate: submittedText = "31/02/" + String(wave.year + 1)
        case .missingTrustName: trustName = ""
        case .unknownService: services = services.isEmpty ? "Stakeholder engagement" : services + "; Stakeholder engagement"
        }
    }
}
