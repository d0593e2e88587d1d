import ReportPipeline

/// Where the commands look and write when not told otherwise (run from the project folder).
enum Defaults {
    static let input = "SampleData/pmo-survey.csv"
    static let output = "output"
    /// The network's peer-code secret, beside the report definitions (made on first use).
    /// The network's trust list, beside the report definitions; may be absent.
    static let trustList = "Reports/" + TrustFiles.defaultTrustListName
    static let peerCodeSecretFile = "Reports/" + PeerCodeSecret.fileName
}
