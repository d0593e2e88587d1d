/// The latest wave's peer figures, computed once for all packs: sorted values per peer group and
/// answer counts per sector. `benchmark(for:)` then takes each trust's own answer out of its
/// groups, which costs a pass over one group instead of a new analysis per trust.
public struct Benchmarks: Sendable {
    public let analysis: Analysis
    /// The trusts of the latest wave, one pack each, by name (then key): never in the file's
    /// order, which would change the packs' file names and index with the order of the rows.
    public let trusts: [Response]
    /// One numbering of peer codes shared by every pack (and by the shared outputs).
    private let naming: TrustNaming
    private let previousWave: Wave?
    private let previousAnswers: [String: Response]
    private let fte: [PeerGroup.Kind: [Double]]
    private let perThousand: [PeerGroup.Kind: [Double]]
    private let models: [PeerGroup.Kind: [PMOModel: Int]]
    private let projectTypes: AnswerTally<PeerGroup.Kind>
    private let services: AnswerTally<PeerGroup.Kind>
    /// Trusts with a central PMO FTE, largest first.
    private let staffed: [Response]

    public init(analysis: Analysis) {
        self.analysis = analysis
        let responses = analysis.survey.responses
        let latest = analysis.latest.map { responses[$0] }
        trusts = latest.map { (key: ($0.trustName.lowercased(), $0.trustName, $0.trustKey), trust: $0) }
            .sorted { $0.key < $1.key }.map(\.trust)
        naming = analysis.sharedNaming.with(audience: .shared)
        let waves = analysis.survey.waves
        previousWave = waves.count >= 2 ? waves[waves.count - 2] : nil
        previousAnswers = previousWave.map { wave in
            Dictionary(analysis.survey.responses.filter { $0.wave == wave.label }.map { ($0.trustKey, $0) },
                       uniquingKeysWith: { _, later in later })
        } ?? [:]

        var fte: [PeerGroup.Kind: [Double]] = [:], perThousand: [PeerGroup.Kind: [Double]] = [:]
        var models: [PeerGroup.Kind: [PMOModel: Int]] = [:]
        var projectTypes = AnswerTally<PeerGroup.Kind>(width: ProjectType.ordered.count)
        var services = AnswerTally<PeerGroup.Kind>(width: PMOService.ordered.count)
        for r in latest {
            let groups = Self.groups(of: r)
            for g in groups {
                if let value = r.staffedFTE { fte[g, default: []].append(value) }
                if let value = r.staffedPerThousand { perThousand[g, default: []].append(value) }
                models[g, default: [:]][r.model, default: 0] += 1
            }
            // Project questions count only trusts with a project function that answered (contract 5).
            for g in groups where g != .size(r.trustSize) {
                if let chosen = r.projectTypeIndices { projectTypes.add(chosen, to: g) }
                if let chosen = r.serviceIndices { services.add(chosen, to: g) }
            }
        }
        self.fte = fte.mapValues { $0.sorted() }
        self.perThousand = perThousand.mapValues { $0.sorted() }
        self.models = models
        self.projectTypes = projectTypes
        self.services = services
        staffed = latest.filter { $0.staffedFTE != nil }
    }

    private static func groups(of r: Response) -> [PeerGroup.Kind] {
        [.allTrusts, .sector(r.sector), .size(r.trustSize)]
    }

    /// The pack of one trust of `trusts`.
    public func benchmark(for trust: Response) -> TrustBenchmark {
        let definition = analysis.definition
        let threshold = definition.withholdBelow
        let naming = naming.with(audience: .pack(trustKey: trust.trustKey))
        // Size peers only when the trust's size is known: "Unknown" is no peer group.
        let kinds: [PeerGroup.Kind] = [.allTrusts, .sector(trust.sector)]
            + (trust.trustSize == .unknown ? [] : [.size(trust.trustSize)])

        func comparisons(_ measure: PeerComparison.Measure, _ values: [PeerGroup.Kind: [Double]],
                         own: Double?) -> [PeerComparison] {
            kinds.map { kind in
                PeerComparison(measure: measure, group: PeerGroup(kind), value: own,
                               peers: (values[kind] ?? []).removingOne(own), withholdBelow: threshold)
            }
        }

        let others = staffed.count - (trust.staffedFTE == nil ? 0 : 1)
        let ranking = others < threshold ? [] : rank(for: trust, naming: naming)

        let mix = [PeerGroup.Kind.sector(trust.sector), .allTrusts].map { kind in
            var counts = models[kind] ?? [:]
            counts[trust.model, default: 0] -= 1
            return PeerMix(group: PeerGroup(kind), counts: counts, withholdBelow: threshold)
        }

        let previous = previousAnswers[trust.trustKey]
        return TrustBenchmark(
            trust: trust, naming: naming, wave: analysis.survey.latestWave.displayLabel,
            trustCount: trusts.count, withholdBelow: threshold, answers: trust.ownAnswers,
            fte: comparisons(.centralFTE, fte, own: trust.staffedFTE),
            ftePer1000Staff: comparisons(.ftePer1000Staff, perThousand, own: trust.staffedPerThousand),
            ranking: ranking, rankingWithheld: others < threshold, modelMix: mix,
            projectTypes: coverage("Project type", ProjectType.ordered.map(\.rawValue), projectTypes,
                                   own: trust.projectTypeIndices, sector: trust.sector, threshold: threshold),
            services: coverage("Service", PMOService.ordered.map(\.rawValue), services,
                               own: trust.serviceIndices, sector: trust.sector, threshold: threshold),
            previousWave: previousWave?.displayLabel,
            changes: previous.map { trust.changes(since: $0) })
    }

    private func rank(for trust: Response, naming: TrustNaming) -> [RankedTrust] {
        let entries = staffed.map { r in
            (r, naming.name(r), r.staffedFTE!)
        }.sorted { ($0.2, $1.1) > ($1.2, $0.1) }
        var ranked: [RankedTrust] = []
        for (i, (r, label, value)) in entries.enumerated() {
            let rank = i > 0 && entries[i - 1].2 == value ? ranked[i - 1].rank : i + 1
            ranked.append(RankedTrust(label: label, sector: r.sector, centralFTE: value,
                                      ftePer1000Staff: r.staffedPerThousand, isOwn: r.trustKey == trust.trustKey,
                                      rank: rank))
        }
        return ranked
    }

    private func coverage(_ question: String, _ items: [String], _ tally: AnswerTally<PeerGroup.Kind>,
                          own: [Int]?, sector: Sector, threshold: Int) -> PeerCoverage {
        let inSector = tally.excluding(own, from: .sector(sector))
        let inAll = tally.excluding(own, from: .allTrusts)
        let sectorWithheld = inSector.base < threshold, allWithheld = inAll.base < threshold
        let chosen = Set(own ?? [])
        return PeerCoverage(
            question: question, sectorGroup: PeerGroup(.sector(sector)), sectorBase: inSector.base,
            allBase: inAll.base, sectorWithheld: sectorWithheld, allWithheld: allWithheld,
            items: items.indices.map { i in
                PeerCoverage.Item(
                    name: items[i], isChosen: chosen.contains(i),
                    sector: sectorWithheld ? nil : Share(count: inSector.counts[i], base: inSector.base),
                    allTrusts: allWithheld ? nil : Share(count: inAll.counts[i], base: inAll.base))
            },
            answered: own != nil)
    }
}

extension Response {
    /// Central PMO FTE where it counts for staffing figures: central and hybrid models that gave it,
    /// as in `FteBySector`.
    var staffedFTE: Double? { model.hasCentralPMO ? centralFTE : nil }
    var staffedPerThousand: Double? { model.hasCentralPMO ? ftePer1000Staff : nil }

    /// Indices of the chosen items, or nil when outside the base (no project function, or no answer).
    var projectTypeIndices: [Int]? { model == .none || projectTypes.isEmpty ? nil : projectTypes.items.map { ProjectType.ordered.firstIndex(of: $0)! } }
    var serviceIndices: [Int]? { model == .none || services.isEmpty ? nil : services.items.map { PMOService.ordered.firstIndex(of: $0)! } }
}

extension Array where Element == Double {
    /// A sorted list without one occurrence of `value` (when present).
    fileprivate func removingOne(_ value: Double?) -> [Double] {
        guard let value, let i = firstIndex(of: value) else { return self }
        var copy = self
        copy.remove(at: i)
        return copy
    }
}
