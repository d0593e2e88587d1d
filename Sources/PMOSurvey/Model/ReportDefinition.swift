/// What a report says about itself and how it treats the data: titles, classification, bands,
/// privacy. `run` reads it from a report definition (`Reports/*.yaml`, through `ReportPipeline`'
/// `DefinitionFile`); `generate` takes the defaults, which make a sensible board report, and sets
/// only the options its command line has.
public struct ReportDefinition: Sendable, Hashable {
    public var title = "PMO benchmarking survey"
    public var subtitle = "How NHS trusts organise programme and project management"
    public var organisation = "NHS benchmarking network"
    public var author = "PMO benchmarking analysis team"
    /// Printed on every page, e.g. `OFFICIAL` or `OFFICIAL-SENSITIVE`.
    public var classification = "OFFICIAL"
    public var keywords = ["NHS", "PMO", "programme management", "benchmarking"]
    public var bounds = SizeBounds.standard
    /// What shared outputs and packs withhold about trusts that were not named (raised only).
    public var disclosure = DisclosureRules.standard
    /// Keys the peer-code order. Change it and every peer code changes; keep it and codes are
    /// stable between runs. The command line sets the network's own secret (`ReportPipeline`'
    /// `PeerCodeSecret`); empty here, it means "not given in the definition".
    public var peerCodeSecret = ""
    /// Name every trust, whatever its consent. Only for internal use; every page and sheet says so.
    public var internalUse = false

    public init() {}

    /// The warning carried by every page and sheet of an internal-use output.
    public static let internalUseWarning =
        "INTERNAL USE ONLY: names every trust, including those that did not consent to be named. Do not share."
}
