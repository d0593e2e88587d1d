import Foundation
import Publishing
import ReportPipeline

/// `pmo-report deliver`: each trust its own pack by e-mail, through the organisation's relay.
/// Without `confirm` it is a dry run (no password, no network): it checks everything, writes and
/// prints the plan and its ID. With the ID it sends, but only if the plan is still the same.
public struct Delivery {
    public struct Options: Sendable {
        public var definition: String
        /// A run folder's name under `runs/`; `latest` when nil.
        public var run: String?
        /// The plan ID printed by the dry run.
        public var confirm: String?
        /// A trust code whose message is written to a file instead of sent.
        public var preview: String?
        /// Trust codes to send again although sent or uncertain.
        public var resend: [String] = []

        public init(definition: String) { self.definition = definition }
    }

    public enum Outcome: Sendable {
        /// A dry run: the plan's text (ending `plan: ID`) and where it was written.
        case planned(text: String, path: String)
        case previewed(path: String)
        /// A confirmed run ended; nil status when every trust has its message.
        case delivered(status: ExitStatus?)
    }

    let options: Options
    let log: PipelineLog

    public init(_ options: Options, log: PipelineLog) {
        self.options = options
        self.log = log
    }

    public func perform() throws(PipelineError) -> Outcome {
        let file: DefinitionFile
        do {
            file = try DefinitionFile.load(path: options.definition)
        } catch {
            throw PipelineError(underlying: error)
        }
        guard let settings = file.delivery else {
            throw PipelineError(.usage, "\(file.path): no `delivery:` section; see README, Delivering packs")
        }
        guard let output = file.settings.output else {
            throw PipelineError(.usage, "\(file.path): no `output`; deliver reads the runs published there")
        }
        let run = try PublishedRun(output: output, run: options.run)
        let plan = try DeliveryPlan(run: run, settings: settings)
        let codes = Set(plan.messages.map(\.trust.key))
        for code in options.resend + [options.preview].compactMap({ $0 }) where !codes.contains(code) {
            throw PipelineError(.usage, "\(code) is not a trust code of this run's packs")
        }
        try run.makeDeliveryFolder()
        let sender = Sender(plan: plan, settings: settings, resend: Set(options.resend), log: log)

        if let code = options.preview {
            let path = run.deliveryPath + "/preview-\(code).eml"
            try PrivateFile.write(try sender.preview(code), to: path)
            return .previewed(path: path)
        }
        guard let confirm = options.confirm else {
            let path = run.deliveryPath + "/" + DeliveryPlan.fileName
            try PrivateFile.write(Array(plan.file.utf8), to: path)
            log.info("dry run: nothing was sent; \(plan.messages.count) trusts planned. Check the plan, then send with --confirm \(plan.id)")
            return .planned(text: plan.file, path: path)
        }
        guard confirm == plan.id else {
            throw PipelineError(.dataError, "the plan is now \(plan.id), not \(confirm): the packs, the contacts or the settings changed "
                + "since that dry run. Nothing was sent; run the dry run again and check the new plan")
        }
        let lock: RunLock
        do throws(RunLock.Failure) {
            lock = try RunLock.acquire(in: run.deliveryPath)
        } catch {
            if case .busy = error { throw PipelineError(nil, "another delivery of this run is under way", underlying: error) }
            throw PipelineError(underlying: error)
        }
        defer { lock.release() }
        log.info("delivering \(plan.messages.count) trusts' packs of \(run.name) (plan \(plan.id))")
        return .delivered(status: try sender.deliver())
    }
}
