import ArgumentParser
import PMOSurvey
import ReportPipeline

/// `--trusts FILE --register FILE`: the network's trust list and a newer download of the ODS
/// register than the copy pmo-report ships (`trust-identity.md`).
struct TrustOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The network's trust list (YAML: ODS code -> aliases, name shown). Default: \(Defaults.trustList), when it exists.",
        valueName: "file"))
    var trusts: String?

    @Option(help: ArgumentHelp(
        "A newer download of the ODS register (NHS Digital's etr.csv). Default: the copy shipped in Reports/ (\(TrustFiles.shippedRegisterName)).",
        valueName: "file"))
    var register: String?

    var files: TrustFiles {
        TrustFiles(register: register ?? TrustFiles.shippedRegister(), trustList: trusts ?? Defaults.trustList,
                   trustListNamed: trusts != nil)
    }

    /// The directory the options name, or why it cannot be read; warns when the shipped register is missing.
    func directory(log: PipelineLog) throws(PipelineError) -> TrustDirectory {
        let files = self.files
        if files.register == nil {
            log.warning("the ODS register shipped with pmo-report (Reports/\(TrustFiles.shippedRegisterName)) was not found; trusts are resolved through the trust list only; name one with --register")
        }
        return try files.load()
    }

    /// `inputs` read as one survey, trusts resolved through this register and trust list, for the
    /// commands that read without publishing (`validate`, `trusts`); a failure is logged and thrown
    /// as its exit status.
    func readSurvey(_ inputs: InputOptions, log: PipelineLog, findingsShown: Int = 10, groupsFindings: Bool = true) throws -> Survey {
        let files = try inputs.pairs()
        do throws(PipelineError) {
            var pipeline = Pipeline(inputs: files, definition: ReportDefinition(), outputs: [], log: log)
            pipeline.trusts = try directory(log: log)
            return try pipeline.read(run: .current, findingsShown: findingsShown, groupsFindings: groupsFindings)
        } catch {
            throw log.fail(error)
        }
    }
}
