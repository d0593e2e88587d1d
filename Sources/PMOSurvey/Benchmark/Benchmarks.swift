/// The latest wave's peer figures, computed once for all packs: sorted values per peer group and
/// answer counts per sector. `benchmark(for:)` then takes each trust's own answer out of its
/// groups, which costs a pass over one group instead of a new analysis per trust.
public struct Benchmarks: Sendable {
    /// The analysis as shared outputs show it (`Analysis.protected()`): packs withhold whatever
    /// the shared report withholds, since a pack's figure less its own answer gives the shared one.
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
    /// Unnamed trusts with a value, per group.
    private let unnamedFTE: [PeerGroup.Kind: Int]
    private let unnamedPerThousand: [PeerGroup.Kind: Int]
    /// Answers per model (in `PMOModel.allCases` order), of every trust and of the unnamed ones.
    private let models: [PeerGroup.Kind: [Int]]
    private let unnamedModels: [PeerGroup.Kind: [Int]]
    private let projectTypes: AnswerTally<PeerGroup.Kind>
    private let unnamedProjectTypes: AnswerTally<PeerGroup.Kind>
    private let services: AnswerTally<PeerGroup.Kind>
    private let unnamedServices: AnswerTally<PeerGroup.Kind>
    /// Trusts with a central PMO FTE, largest first, sorted once for all packs.
    private let ranking: SharedRanking

    /// Packs go to other trusts: an analysis not yet protected is protected here.
    public init(analysis: Analysis) {
        let analysis = analysis.disclosure == nil ? analysis.protected() : analysis
        self.analysis = analysis
        let responses = analysis.survey.responses
        let latest = analysis.latest.map { responses[$0] }
        trusts = latest.map { (key: ($0.trustName.lowercased(), $0.trustName, $0.trustKey), trust: $0) }
            .sorted { $0.key < $1.key }.map(\.trust)
        let naming = analysis.sharedNaming.with(audience: .shared)
        self.naming = naming
        let waves = analysis.survey.waves
        previousWave = waves.count >= 2 ? waves[waves.count - 2] : nil
        previousAnswers = previousWave.map { wave in
            Dictionary(analysis.survey.responses.filter { $0.wave == wave.label }.map { ($0.trustKey, $0) },
                       uniquingKeysWith: { _, later in later })
        } ?? [:]

        var fte: [PeerGroup.Kind: [Double]] = [:], perThousand: [PeerGroup.Kind: [Double]] = [:]
        var unnamedFTE: [PeerGroup.Kind: Int] = [:], unnamedPerThousand: [PeerGroup.Kind: Int] = [:]
        let noModels = [Int](repeating: 0, count: PMOModel.allCases.count)
        var models: [PeerGroup.Kind: [Int]] = [:], unnamedModels: [PeerGroup.Kind: [Int]] = [:]
        var projectTypes = AnswerTally<PeerGroup.Kind>(width: ProjectType.ordered.count), unnamedProjectTypes = projectTypes
        var services = AnswerTally<PeerGroup.Kind>(width: PMOService.ordered.count), unnamedServices = services
        for r in latest {
            let groups = Self.groups(of: r), unnamed = !naming.isNamed(r)
            let model = PMOModel.allCases.firstIndex(of: r.model)!
            for g in groups {
                if let value = r.staffedFTE {
                    fte[g, default: []].append(value)
                    if unnamed { unnamedFTE[g, default: 0] += 1 }
                }
                if let value = r.staffedPerThousand {
                    perThousand[g, default: []].append(value)
                    if unnamed { unnamedPerThousand[g, default: 0] += 1 }
                }
                models[g, default: noModels][model] += 1
                if unnamed { unnamedModels[g, default: noModels][model] += 1 }
            }
            // Project questions count only trusts with a project function that answered (contract 5).
            for g in groups where g != .size(r.trustSize) {
                if let chosen = r.projectTypeIndices {
                    projectTypes.add(chosen, to: g)
                    if unnamed { unnamedProjectTypes.add(chosen, to: g) }
                }
                if let chosen = r.serviceIndices {
                    services.add(chosen, to: g)
                    if unnamed { unnamedServices.add(chosen, to: g) }
                }
            }
        }
        self.fte = fte.mapValues { $0.sorted() }
        self.perThousand = perThousand.mapValues { $0.sorted() }
        self.unnamedFTE = unnamedFTE
        self.unnamedPerThousand = unnamedPerThousand
        self.models = models
        self.unnamedModels = unnamedModels
        self.projectTypes = projectTypes
        self.unnamedProjectTypes = unnamedProjectTypes
        self.services = services
        self.unnamedServices = unnamedServices
        ranking = SharedRanking(staffed: latest.filter { $0.staffedFTE != nil }, naming: naming)
    }

    private static func groups(of r: Response) -> [PeerGroup.Kind] {
        [.allTrusts, .sector(r.sector), .size(r.trustSize)]
    }

    /// The pack of one trust of `trusts`.
    public func benchmark(for trust: Response) -> TrustBenchmark {
        let rules = analysis.definition.disclosure
        let ownIsUnnamed = !naming.isNamed(trust)
        let naming = naming.with(audience: .pack(trustKey: trust.trustKey))
        // Size peers only when the trust's size is known: "Unknown" is no peer group.
        let kinds: [PeerGroup.Kind] = [.allTrusts, .sector(trust.sector)]
            + (trust.trustSize == .unknown ? [] : [.size(trust.trustSize)])

        func comparisons(_ measure: PeerComparison.Measure, _ values: [PeerGroup.Kind: [Double]],
                         unnamed: [PeerGroup.Kind: Int], own: Double?) -> [PeerComparison] {
            kinds.map { kind in
                PeerComparison(measure: measure, group: PeerGroup(kind), value: own,
                               peers: (values[kind] ?? []).removingOne(own),
                               unnamedPeers: (unnamed[kind] ?? 0) - (own != nil && ownIsUnnamed ? 1 : 0), rules: rules)
            }
        }

        let unnamedOthers = (unnamedFTE[.allTrusts] ?? 0) - (trust.staffedFTE != nil && ownIsUnnamed ? 1 : 0)
        // A peer code with its FTE is all a pack shows of an unnamed peer; with one or two such
        // peers, the code would stand for a trust the recipient can tell.
        let rankingWithheld = unnamedOthers > 0 && unnamedOthers < rules.smallestCount
        let ranking = rankingWithheld ? [] : self.ranking.ranking(for: trust, naming: naming)

        let own = PMOModel.allCases.firstIndex(of: trust.model)!
        let modelTable = analysis.modelBySector
        let mix = [PeerGroup.Kind.sector(trust.sector), .allTrusts].map { kind in
            var counts = models[kind] ?? [], unnamed = unnamedModels[kind] ?? Array(repeating: 0, count: counts.count)
            counts[own] -= 1
            if ownIsUnnamed { unnamed[own] -= 1 }
            return PeerMix(group: PeerGroup(kind), counts: counts, unnamed: unnamed,
                           sharedWithheld: Self.sharedWithheld(modelTable, kind), rules: rules)
        }

        let previous = previousAnswers[trust.trustKey]
        return TrustBenchmark(
            trust: trust, naming: naming, wave: analysis.survey.latestWave.displayLabel,
            trustCount: trusts.count, rules: rules, answers: trust.ownAnswers,
            fte: comparisons(.centralFTE, fte, unnamed: unnamedFTE, own: trust.staffedFTE),
            ftePer1000Staff: comparisons(.ftePer1000Staff, perThousand, unnamed: unnamedPerThousand, own: trust.staffedPerThousand),
            ranking: ranking, rankingWithheld: rankingWithheld, modelMix: mix,
            projectTypes: coverage("Project type", ProjectType.ordered.map(\.rawValue), projectTypes, unnamedProjectTypes,
                                   shared: analysis.projectTypesBySector, own: trust.projectTypeIndices,
                                   ownIsUnnamed: ownIsUnnamed, sector: trust.sector, rules: rules),
            services: coverage("Service", PMOService.ordered.map(\.rawValue), services, unnamedServices,
                               shared: analysis.servicesBySector, own: trust.serviceIndices,
                               ownIsUnnamed: ownIsUnnamed, sector: trust.sector, rules: rules),
            previousWave: previousWave?.displayLabel,
            changes: previous.map { trust.changes(since: $0) })
    }

    /// Which categories the shared table withholds for the group (every one when the group is not there).
    private static func sharedWithheld(_ table: ShareTable, _ kind: PeerGroup.Kind) -> [Bool] {
        let label: String = switch kind {
        case .allTrusts: Groups.allTrusts
        case .sector(let sector): sector.rawValue
        case .size(let size): size.rawValue
        }
        return table.groups.first { $0.label == label }?.withheld ?? Array(repeating: true, count: table.categories.count)
    }

    private func coverage(_ question: String, _ items: [String], _ tally: AnswerTally<PeerGroup.Kind>,
                          _ unnamedTally: AnswerTally<PeerGroup.Kind>, shared: ShareTable, own: [Int]?,
                          ownIsUnnamed: Bool, sector: Sector, rules: DisclosureRules) -> PeerCoverage {
        func shares(_ kind: PeerGroup.Kind) -> (base: Int, shares: [Share?]) {
            let all = tally.excluding(own, from: kind)
            let unnamed = unnamedTally.excluding(ownIsUnnamed ? own : nil, from: kind)
            let withheld = PeerFigures.withheld(unnamed: unnamed.counts, unnamedBase: unnamed.base, yesNo: true,
                                                sharedWithheld: Self.sharedWithheld(shared, kind), rules: rules,
                                                wholeRow: false)
            return (all.base, items.indices.map { withheld[$0] || all.base == 0 ? nil : Share(count: all.counts[$0], base: all.base) })
        }
        let inSector = shares(.sector(sector)), inAll = shares(.allTrusts)
        let chosen = Set(own ?? [])
        return PeerCoverage(
            question: question, sectorGroup: PeerGroup(.sector(sector)), sectorBase: inSector.base,
            allBase: inAll.base,
            items: items.indices.map { i in
                PeerCoverage.Item(name: items[i], isChosen: chosen.contains(i), sector: inSector.shares[i],
                                  allTrusts: inAll.shares[i])
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
