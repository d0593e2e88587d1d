/// The records checked so far, settled in file order: counted, their findings kept, and what needs
/// the rows before them decided as each arrives. A `response_id` already used rejects the record,
/// and a trust's later answer in a wave supersedes its earlier one (the latest `submitted` counts,
/// the later line on a tie).
///
/// IDs, trusts and waves are numbered from hashes the row checks computed on every core, so the
/// one thread that settles rows in file order does no string hashing of its own.
struct SettledResponses {
    /// The answers that count, each where the trust's first answer to its wave is in the file.
    private(set) var responses: [Response] = []
    private(set) var findings: [Finding] = []
    private(set) var counts = ResponseCounts()
    private(set) var blankLines = 0
    /// Response IDs numbered per input (`RowOutcome.idScope`): they need be unique within one only.
    private var ids = [StringNumbering()]
    private var firstLineOfID: [[Int]] = [[]]
    private var trusts = StringNumbering()
    /// Where each trust's first kept answer is in `responses`, by trust number.
    private var firstAnswerOfTrust: [Int] = []
    private var waves = WaveNumbering()
    /// Wave number << 32 | trust number, to the position in `responses` of the answer that counts.
    private var counting: [Int: Int] = [:]
    /// The file named in findings, by input (`RowOutcome.idScope`); nil for a lone canonical CSV.
    private var files: [String?] = [nil]
    /// The input of each of `responses`, kept only when findings name files.
    private var inputOfResponse: [UInt16] = []
    /// Answers kept, by trust spelling (`RowOutcome.spelling`).
    private(set) var spellingCounts: [Int] = []
    /// The trust number of each spelling, so that findings need no look-up by key.
    private(set) var spellingTrusts: [Int] = []
    /// Answers kept whose code and name are in neither the register nor the trust list, by trust number.
    private(set) var unknownCodeAnswers: [Int] = []

    /// Records from now on come from input `scope`, named `file` in findings.
    mutating func begin(input scope: Int, file: String?) {
        while files.count <= scope { files.append(nil) }
        while ids.count <= scope {
            ids.append(StringNumbering())
            firstLineOfID.append([])
        }
        files[scope] = file
    }

    mutating func add(_ outcome: consuming RowOutcome) {
        if outcome.isBlank {
            blankLines += 1
            return
        }
        if outcome.isExcluded {
            findings += outcome.findings
            return
        }
        counts.rows += 1
        findings += outcome.findings
        if !settle(outcome) { counts.rejected += 1 }
    }

    /// False when the record is rejected.
    private mutating func settle(_ outcome: consuming RowOutcome) -> Bool {
        if let id = outcome.responseID {
            let scope = outcome.idScope
            let (number, isNew) = ids[scope].number(id, hash: outcome.idHash)
            if isNew {
                firstLineOfID[scope].append(outcome.line)
            } else {
                findings.append(Finding(file: files[outcome.idScope], line: outcome.line, responseID: id, column: SurveyColumn.responseID.rawValue,
                                        severity: .error, message: "response_id \(quoted(id)) is already used on \(Finding.recordWord(files[scope])) \(firstLineOfID[scope][number])"))
                return false
            }
        }
        let spelling = outcome.spelling
        // Moved out of the outcome, which ends here: a copy would retain every string it holds.
        guard var response = outcome.response.take() else { return false }
        let (trust, isNewTrust) = trusts.number(response.trustKey, hash: outcome.trustHash)
        response.trustNumber = trust
        if spelling == RowOutcome.unknownCode {
            while unknownCodeAnswers.count <= trust { unknownCodeAnswers.append(0) }
            unknownCodeAnswers[trust] += 1
        } else if spelling >= 0 {
            while spellingCounts.count <= spelling {
                spellingCounts.append(0)
                spellingTrusts.append(-1)
            }
            spellingCounts[spelling] += 1
            spellingTrusts[spelling] = trust
        }
        if isNewTrust {
            firstAnswerOfTrust.append(responses.count)
        } else {
            let first = firstAnswerOfTrust[trust]
            response.shareTexts(name: responses[first].trustName, region: responses[first].region,
                                pmoName: responses[first].pmoName)
        }
        let key = waves.number(response.wave).number << 32 | response.trustNumber
        let named = files[outcome.idScope] != nil
        guard let earlier = counting[key] else {
            counting[key] = responses.count
            if named { inputOfResponse.append(UInt16(outcome.idScope)) }
            responses.append(consume response)
            counts.valid += 1
            return true
        }
        // The answer that counts keeps the place of the trust's first answer to the wave, so
        // nothing has to be removed from the middle of a million responses afterwards.
        let laterInput = named && Int(inputOfResponse[earlier]) < outcome.idScope
        let replaces = Self.isLater(response, than: responses[earlier], laterInput: laterInput)
        let (winner, loser) = replaces ? (response, responses[earlier]) : (responses[earlier], response)
        let wave = response.wave.isEmpty ? "" : " in wave \(response.wave)"
        let earlierFile = named ? files[Int(inputOfResponse[earlier])] : nil, laterFile = files[outcome.idScope]
        let (loserFile, winnerFile) = replaces ? (earlierFile, laterFile) : (laterFile, earlierFile)
        let winnerPlace = winnerFile.map { $0 == loserFile ? "line \(winner.line)" : "\($0), line \(winner.line)" } ?? "line \(winner.line)"
        findings.append(Finding(
            file: loserFile, line: loser.line, responseID: loser.responseID, column: nil, severity: .superseded,
            message: "superseded by the later answer from the same trust\(wave) on \(winnerPlace)"))
        counts.superseded += 1
        if replaces {
            responses[earlier] = response
            if named { inputOfResponse[earlier] = UInt16(outcome.idScope) }
        }
        return true
    }

    /// Every trust's key, by trust number.
    var trustKeys: [String] { trusts.strings }

    /// Whether `a` was submitted after `b`: an undated answer counts as older than any dated one,
    /// and on a tie the later line wins (of the later input, when they come from two).
    private static func isLater(_ a: Response, than b: Response, laterInput: Bool) -> Bool {
        switch (a.submitted, b.submitted) {
        case let (x?, y?) where x != y: x > y
        case (_?, nil): true
        case (nil, _?): false
        default: laterInput || a.line > b.line
        }
    }
}
