import PMOSurvey

/// A survey round of the sample: `2014-12`, `2015-12`, ...; answers come in from 1 December to
/// the end of February.
struct SampleWave {
    let number: Int
    let year: Int
    let label: String
    /// Days since 1970-01-01 of 1 December.
    let firstDay: Int
    static let days = 90

    init(number: Int) {
        self.number = number
        year = SampleTrust.firstWaveYear + number
        label = "\(year)-12"
        firstDay = SurveyDate(year: year, month: 12, day: 1)!.daysSinceEpoch
    }

    /// `2015-12/0042`: unique in the file, however many waves and rows.
    func responseID(_ sequence: Int) -> String {
        let digits = String(sequence)
        return label + "/" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// One row of the sample: one trust's answer to one wave, as the survey tool exports it.
struct SampleResponse {
    var responseID = ""
    /// The model the row answers, whatever its spelling.
    let model: PMOModel
    var wave: String
    var submittedDay: Int
    var submittedInUKStyle: Bool
    /// Replaces the date when the row must carry an impossible one.
    var submittedText: String?
    var respondentName: String
    var respondentEmail: String
    var respondentRole: String
    var trustCode: String
    var trustName: String
    var sector: String
    var region: String
    var foundationTrust: String
    var staffHeadcount: String
    var pmoModel: String
    var pmoName: String
    /// FTE in tenths, so that values print exactly; nil is not answered.
    var centralFTE: Int?
    var devolvedFTE: Int?
    var projectTypes: String
    var services: String
    var reportsTo: String
    var methodology: String
    var established: String
    var shareConsent: String
    var comments: String

    /// Survey tools put the respondent's details first, so the sample does too: the reader must
    /// not depend on the contract's column order.
    static let header = [
        "response_id", "submitted", "wave", "respondent_name", "respondent_email", "respondent_role",
        "trust_code", "trust_name", "sector", "region", "foundation_trust", "staff_headcount",
        "pmo_model", "pmo_name", "central_pmo_fte", "devolved_pm_fte", "project_types", "pmo_services",
        "reports_to", "methodology", "established", "share_consent", "comments",
    ]

    init(trust: SampleTrust, wave: SampleWave, random: inout SeededRandom) {
        model = trust.model(inWave: wave.number)
        self.wave = wave.label
        submittedDay = wave.firstDay + random.below(SampleWave.days - 10)
        submittedInUKStyle = random.chance(0.4)

        // Now and then someone else at the trust answers a later wave.
        let isNewRespondent = wave.number > 0 && random.chance(0.2)
        let first = SampleNames.firstNames[isNewRespondent ? random.below(SampleNames.firstNames.count) : trust.respondent.first]
        let surname = SampleNames.surnames[isNewRespondent ? random.below(SampleNames.surnames.count) : trust.respondent.surname]
        respondentName = first.written + " " + surname.written
        respondentEmail = first.email + "." + surname.email + "@" + trust.code.lowercased() + ".nhs.example"
        respondentRole = SampleNames.roles[isNewRespondent ? random.below(SampleNames.roles.count) : trust.respondent.role]

        trustCode = random.chance(0.01) ? "" : trust.code
        trustName = trust.name
        sector = SampleSpelling.sector(trust.sector, using: &random)
        region = random.chance(0.02) ? "" : trust.region
        foundationTrust = random.chance(0.03) ? "" : SampleSpelling.yesNo(trust.isFoundationTrust, using: &random)
        let headcount = Double(trust.headcount) * random.double(in: 0.97...1.03)
        staffHeadcount = random.chance(0.03) ? "" : String(Int(headcount))
        pmoModel = SampleSpelling.model(model, using: &random)

        (centralFTE, devolvedFTE) = Self.fte(model, thousandStaff: headcount / 1000, random: &random)
        switch model {
        case .central, .hybrid: pmoName = random.chance(0.1) ? "" : trust.functionName
        case .devolved: pmoName = random.chance(0.3) ? random.pick(SampleNames.devolvedFunctionNames) : ""
        case .none: pmoName = ""
        }

        if model == .none {
            projectTypes = ""
            services = ""
            reportsTo = ""
            methodology = random.chance(0.3) ? "In-house" : ""
        } else {
            projectTypes = SampleSpelling.list(SampleSpelling.projectTypes, using: &random)
            services = SampleSpelling.list(SampleSpelling.services, using: &random)
            reportsTo = SampleSpelling.reportingLines.pick(using: &random)
            methodology = SampleSpelling.list(SampleSpelling.methodologies, using: &random)
        }
        if let year = trust.established, year <= wave.year, model != .none, random.chance(0.95) {
            established = String(year)
        } else {
            established = ""
        }
        shareConsent = !trust.consentsToSharing && random.chance(0.2)
            ? "" : SampleSpelling.yesNo(trust.consentsToSharing, using: &random)
        comments = SampleComments.pick(model: model, using: &random)
    }

    /// Central and devolved FTE in tenths, consistent with the model and the trust's size:
    /// central PMOs of about 0.4 to 1.4 FTE per thousand staff, hybrids' central hubs smaller,
    /// and now and then a central FTE left blank.
    private static func fte(_ model: PMOModel, thousandStaff: Double,
                            random: inout SeededRandom) -> (central: Int?, devolved: Int?) {
        func tenths(_ perThousand: ClosedRange<Double>) -> Int {
            let fte = thousandStaff * random.double(in: perThousand)
            let value = random.chance(0.8) ? Int((fte * 2).rounded()) * 5 : Int((fte * 10).rounded())
            return max(10, value)
        }
        let blankCentral = random.chance(0.02)
        switch model {
        case .central:
            return (blankCentral ? nil : tenths(0.4...1.4), random.chance(0.7) ? nil : 0)
        case .hybrid:
            return (blankCentral ? nil : tenths(0.2...0.9), tenths(0.5...2.0))
        case .devolved:
            return (random.chance(0.6) ? nil : 0, tenths(0.8...2.5))
        case .none:
            return (random.chance(0.7) ? nil : 0, random.chance(0.6) ? nil : random.below(21))
        }
    }

    /// A later answer from the same trust in the same wave, correcting an FTE: the one that counts.
    func resubmission(random: inout SeededRandom) -> SampleResponse {
        var later = self
        later.submittedDay += random.int(in: 1...9)
        if model.hasCentralPMO {
            later.centralFTE = (centralFTE ?? 30) + 5
        } else {
            later.devolvedFTE = (devolvedFTE ?? 0) + 10
        }
        later.comments = "Resubmitted to correct the FTE figures." + (comments.isEmpty ? "" : " " + comments)
        return later
    }

    /// The record's fields in `header` order.
    var fields: [String] {
        [responseID, submittedText ?? Self.dateText(day: submittedDay, ukStyle: submittedInUKStyle), wave,
         respondentName, respondentEmail, respondentRole, trustCode, trustName, sector, region, foundationTrust,
         staffHeadcount, pmoModel, pmoName, centralFTE.map(Self.fteText) ?? "", devolvedFTE.map(Self.fteText) ?? "",
         projectTypes, services, reportsTo, methodology, established, shareConsent, comments]
    }

    /// `12.5` from 125 tenths, `3` from 30, `-2` from -20.
    static func fteText(_ tenths: Int) -> String {
        let whole = String(tenths / 10)
        let sign = tenths < 0 && tenths > -10 ? "-" : ""
        return tenths % 10 == 0 ? whole : sign + whole + "." + String(abs(tenths % 10))
    }

    /// `2015-05-27` or, as many respondents' spreadsheets write it, `27/05/2015`.
    static func dateText(day: Int, ukStyle: Bool) -> String {
        let date = SurveyDate(unixTime: day * 86_400)
        let year = String(date.year), month = twoDigits(date.month), day = twoDigits(date.day)
        return ukStyle ? day + "/" + month + "/" + year : year + "-" + month + "-" + day
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0" + String(n) : String(n)
    }
}
