/// The trimmed, non-empty cells of one record, by contract column. Inline rather than an array:
/// one heap allocation fewer for every row.
struct RowCells {
    /// One per `SurveyColumn` case, at its `index` (a new column must grow this too).
    private var values = InlineArray<23, String?>(repeating: nil)

    subscript(column: SurveyColumn) -> String? {
        get { values[column.index] }
        set { values[column.index] = newValue }
    }
}

extension SurveyColumn {
    /// Position in `allCases`, for array-backed lookups on the hot path (a switch, not a hash).
    var index: Int {
        switch self {
        case .responseID: 0
        case .wave: 1
        case .submitted: 2
        case .trustCode: 3
        case .trustName: 4
        case .sector: 5
        case .region: 6
        case .foundationTrust: 7
        case .staffHeadcount: 8
        case .pmoModel: 9
        case .pmoName: 10
        case .centralPMOFTE: 11
        case .devolvedPMFTE: 12
        case .projectTypes: 13
        case .pmoServices: 14
        case .reportsTo: 15
        case .methodology: 16
        case .established: 17
        case .shareConsent: 18
        case .respondentName: 19
        case .respondentEmail: 20
        case .respondentRole: 21
        case .comments: 22
        }
    }
}

/// Turns one record's cells into a `Response`, or into the reasons it is rejected (contract section 3).
///
/// Every problem in a row is reported, not just the first, so one pass over the findings fixes the file.
/// Messages quote coded values (a sector, a date) but never free text, names or personal data.
struct RowValidator {
    let bounds: SizeBounds
    let currentYear: Int

    /// The response, or nil when the row is rejected; findings either way.
    func validate(_ cells: RowCells, line: Int) -> (Response?, [Finding]) {
        let id = cells[.responseID]
        var findings: [Finding] = []
        func report(_ column: SurveyColumn, _ severity: Finding.Severity, _ message: String) {
            findings.append(Finding(line: line, responseID: id, column: column.rawValue, severity: severity, message: message))
        }
        func reject(_ column: SurveyColumn, _ message: String) { report(column, .error, message) }

        for column in SurveyColumn.required where cells[column] == nil {
            reject(column, "\(column.rawValue) is required but empty")
        }

        let sector = cells[.sector].flatMap { text in
            Sector(answer: text) ?? { reject(.sector, "unknown sector \(quoted(text)); expected one of \(list(Sector.allCases.map(\.rawValue)))"); return nil }()
        }
        let model = cells[.pmoModel].flatMap { text in
            PMOModel(answer: text) ?? { reject(.pmoModel, "unknown PMO model \(quoted(text)); expected central, hybrid, devolved or none"); return nil }()
        }
        let submitted = cells[.submitted].flatMap { text in
            ValueParsing.date(text) ?? {
                reject(.submitted, "\(quoted(text)) is not a valid date; write 2015-05-27 or 27/05/2015 (day first)")
                return nil
            }()
        }
        let trustCode = cells[.trustCode].flatMap { text in
            ValueParsing.trustCode(text) ?? { reject(.trustCode, "\(quoted(text)) is not an ODS code (3 to 5 letters or digits)"); return nil }()
        }
        let foundation = yesNo(cells, .foundationTrust, reject)
        let consent = yesNo(cells, .shareConsent, reject)
        let headcount = cells[.staffHeadcount].flatMap { text -> Int? in
            guard let value = ValueParsing.headcount(text) else {
                reject(.staffHeadcount, "\(quoted(text)) is not a whole number greater than 0")
                return nil
            }
            guard value <= ValueParsing.maxHeadcount else {
                reject(.staffHeadcount, "\(quoted(text)) is more staff than any trust has (at most \(ValueParsing.maxHeadcount.grouped))")
                return nil
            }
            return value
        }
        let centralFTE = fte(cells, .centralPMOFTE, reject)
        let devolvedFTE = fte(cells, .devolvedPMFTE, reject)
        let established = cells[.established].flatMap { text in
            ValueParsing.year(text, currentYear: currentYear) ?? {
                reject(.established, "\(quoted(text)) is not a year from 1948 to \(currentYear)")
                return nil
            }()
        }
        let reportsTo = cells[.reportsTo].flatMap { text in
            ReportingLine(item: text) ?? {
                reject(.reportsTo, "unknown reporting line \(quoted(text)); expected one of \(list(ReportingLine.allCases.map(\.rawValue)))")
                return nil
            }()
        }

        // Unknown project types have a home (`Other`); unknown services and methods do not.
        var projectTypes = Selection<ProjectType>()
        if let text = cells[.projectTypes] {
            let (known, unknown) = ValueParsing.list(text, as: ProjectType.self)
            projectTypes = known
            if !unknown.isEmpty {
                projectTypes.insert(.other)
                report(.projectTypes, .warning, "unknown project type \(list(unknown.map { quoted($0) })) counted as Other")
            }
        }
        let services = selection(cells, .pmoServices, PMOService.self, reject)
        let methodology = selection(cells, .methodology, Methodology.self, reject)

        // An unreadable FTE is already an error; a consistency remark about it would only confuse.
        if let model, cells[.centralPMOFTE] == nil || centralFTE != nil {
            if !model.hasCentralPMO, let centralFTE, centralFTE > 0 {
                report(.centralPMOFTE, .warning, "model is \(model.rawValue) but central_pmo_fte is \(centralFTE.plain); kept as answered")
            } else if model.hasCentralPMO, (centralFTE ?? 0) == 0 {
                report(.centralPMOFTE, .warning, "model is \(model.rawValue) but central_pmo_fte is \(centralFTE == nil ? "empty" : "0"); kept as answered")
            }
        }

        guard !findings.contains(where: { $0.severity == .error }),
              let id, let name = cells[.trustName], let sector, let model else { return (nil, findings) }
        let response = Response(
            line: line, responseID: id, wave: cells[.wave] ?? "", submitted: submitted, trustCode: trustCode,
            trustName: name, sector: sector, region: cells[.region], foundationTrust: foundation,
            staffHeadcount: headcount, model: model, pmoName: cells[.pmoName], centralFTE: centralFTE,
            devolvedFTE: devolvedFTE, projectTypes: projectTypes, services: services, reportsTo: reportsTo,
            methodology: methodology, established: established, shareConsent: consent ?? false,
            comments: cells[.comments], bounds: bounds)
        return (response, findings)
    }

    private func yesNo(_ cells: RowCells, _ column: SurveyColumn, _ reject: (SurveyColumn, String) -> Void) -> Bool? {
        cells[column].flatMap { text in
            YesNo(answer: text)?.isYes ?? { reject(column, "\(quoted(text)) is not yes or no"); return nil }()
        }
    }

    private func fte(_ cells: RowCells, _ column: SurveyColumn, _ reject: (SurveyColumn, String) -> Void) -> Double? {
        cells[column].flatMap { text in
            guard let value = ValueParsing.fte(text) else {
                let hint = text.utf8.contains(UInt8(ascii: ",")) ? " (use a decimal point, not a comma)" : ""
                reject(column, "\(quoted(text)) is not a number of 0 or more\(hint)")
                return nil
            }
            guard value <= ValueParsing.maxFTE else {
                reject(column, "\(quoted(text)) is more FTE than any trust has (at most \(Int(ValueParsing.maxFTE).grouped))")
                return nil
            }
            return value
        }
    }

    private func selection<Item: ListAnswer>(
        _ cells: RowCells, _ column: SurveyColumn, _ type: Item.Type, _ reject: (SurveyColumn, String) -> Void
    ) -> Selection<Item> {
        guard let text = cells[column] else { return Selection() }
        let (known, unknown) = ValueParsing.list(text, as: type)
        if !unknown.isEmpty {
            reject(column, "unknown item \(list(unknown.map { quoted($0) })); expected any of \(list(Item.allCases.map(\.rawValue)))")
        }
        return known
    }
}

/// Text from a file quoted for a message, cut to `limit` characters so that a stray essay (or a
/// megabyte of YAML key) does not flood the report or stderr.
public func quoted(_ text: String, limit: Int = 40) -> String {
    let short = text.count > limit ? text.prefix(limit - 3) + "..." : Substring(text)
    return "\"" + short + "\""
}

private func list(_ items: [String]) -> String { items.joined(separator: ", ") }
