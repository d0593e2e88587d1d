/// The breakdowns disclosure control decides on, as the analysis computed them: what
/// `DisclosurePlan` reads before the significance tests run, so that the tests compare only
/// the groups whose figures are published.
struct AnalysisTables {
    var modelBySector: ShareTable
    var modelBySize: ShareTable
    var pmoSizeBySector: ShareTable
    var projectTypesBySector: ShareTable
    var servicesBySector: ShareTable
    var reportingLine: ShareTable
    var modelByWave: ShareTable?
    var fteBySector: FTETable
    var fteBySize: FTETable
    var transitions: ModelTransitions?

    /// In the contract's order.
    var shareTables: [ShareTable] {
        [modelBySector, modelBySize, pmoSizeBySector, projectTypesBySector, servicesBySector, reportingLine]
            + (modelByWave.map { [$0] } ?? [])
    }

    /// The latest wave's tables that the significance tests compare, in the contract's order.
    var testedTables: [ShareTable] {
        [modelBySector, modelBySize, pmoSizeBySector, projectTypesBySector, servicesBySector, reportingLine]
    }
}
