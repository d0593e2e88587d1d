import PMOSurvey

/// What `Pipeline.publish(into:)` published.
public struct Publication: Sendable {
    public let survey: Survey
    /// The published single files (JSON, workbook, PDF), by full path.
    public let files: [String]
    public let packs: TrustPacks.Outcome?
    public let timings: Timings
}

extension Pipeline {
    /// `generate`: reads, analyses and renders into a staging folder inside `folder`, then
    /// publishes every output together over what the folder had. On failure the folder keeps
    /// what it had. `peerCodeSecret`, when given, is asked for once the inputs have been read:
    /// it may create the secret file, and a run whose inputs or mappings are unusable creates nothing.
    public func publish(into folder: String, run: RunInfo,
                        peerCodeSecret: (() throws(PipelineError) -> String)? = nil) throws(PipelineError) -> Publication {
        var timings = Timings()
        let survey = try ContinuousClock.measure(into: &timings.read) { () throws(PipelineError) in try read(run: run) }
        var pipeline = self
        if let peerCodeSecret { pipeline.definition.peerCodeSecret = try peerCodeSecret() }
        let analysis = ContinuousClock.measure(into: &timings.analyse) { pipeline.analyse(survey) }

        let publisher: FolderPublisher
        do {
            publisher = try FolderPublisher(folder: folder)
        } catch {
            throw PipelineError(.cannotCreate, "\(error)")
        }
        let entries = outputs.flatMap(\.entries)
        do {
            for entry in entries { try publisher.checkDestination(entry, isFolder: entry == TrustPacks.folderName) }
            let rendering = try render(analysis, run: run, into: publisher.staging, timings: &timings)
            try ContinuousClock.measure(into: &timings.publish) { try publisher.publish(entries) }
            return Publication(survey: survey, files: fileOutputs.flatMap(\.entries).map(publisher.finalPath),
                               packs: rendering.packs, timings: timings)
        } catch {
            publisher.discard()
            let reason = "\((error as? PipelineError)?.reason ?? "\(error)"); nothing was published, \(folder) keeps what it had"
            throw PipelineError((error as? PipelineError)?.status ?? .cannotCreate, reason)
        }
    }
}
