import ArgumentParser
import Delivery
import Foundation
import ReportPipeline

struct Deliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "E-mail each trust its own benchmark pack from a published run, safely.",
        discussion: """
            Reads the run's packs index, the definition's `delivery:` section and its contacts file. \
            Without --confirm it is a dry run (no password, no network): every pack is checked against \
            its SHA-256, every contact against the index, and the plan is written to \
            <run>/delivery/plan.txt, printed, and ended with `plan: ID`. --confirm ID sends one message \
            per trust, only if the plan is unchanged; a journal makes a rerun skip what was sent. The \
            password comes from `delivery.password_file` (mode 0600) or PMO_SMTP_PASSWORD, never an option.

            Exit codes: 0 every trust has its message (or, dry run, planned); 64 bad definition or \
            usage; 65 the contacts, packs or plan ID do not check out (nothing sent); 66 the run, index \
            or contacts cannot be read; 69 some trusts failed or are uncertain; 73 cannot write the \
            plan, journal or report; 75 stopped (TLS, relay unreachable, sender or quota refused, \
            another delivery running): run again to resume; 77 the relay refused the login.

            Example: pmo-report deliver Reports/trust-packs.yaml
            Example: pmo-report deliver Reports/trust-packs.yaml --confirm 3f9a0c2b41d7e685
            """)

    @Argument(help: "The report definition with a `delivery:` section.")
    var definition: String

    @Option(name: .customLong("run"), help: ArgumentHelp("A published run's folder name under runs/; default: the one `latest` points to.", valueName: "run"))
    var runName: String?

    @Option(help: ArgumentHelp("Send, if the plan is still the one with this ID (printed by the dry run).", valueName: "plan-id"))
    var confirm: String?

    @Option(help: ArgumentHelp("Write this trust's exact message to <run>/delivery/preview-CODE.eml; nothing is sent.", valueName: "code"))
    var preview: String?

    @Option(help: ArgumentHelp("Send this trust's message again although the journal says it was sent or may have been. Repeat for several.",
                               valueName: "code"))
    var resend: [String] = []

    @Flag(name: .shortAndLong, help: "Log only warnings and errors.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "text (the default), json for log collectors (one object a line), or plain.")
    var logFormat = PipelineLog.Format.text

    func validate() throws {
        if preview != nil && confirm != nil { throw ValidationError("--preview writes a message instead of sending: leave out --confirm") }
        if !resend.isEmpty && confirm == nil { throw ValidationError("--resend sends: give --confirm with the plan ID too") }
    }

    func run() throws {
        let log = PipelineLog.stderr(logFormat, minimum: quiet ? .warning : .info)
        var options = Delivery.Options(definition: definition)
        options.run = runName
        options.confirm = confirm
        options.preview = preview
        options.resend = resend
        let outcome: Delivery.Outcome
        do throws(PipelineError) {
            outcome = try Delivery(options, log: log).perform()
        } catch {
            log.error("failed: \(error), exit \(error.status.rawValue)")
            throw ExitCode(error.status)
        }
        switch outcome {
        case let .planned(text, path):
            print(text, terminator: "")
            log.notice("plan written to \(path)")
        case let .previewed(path):
            print(path)
            log.notice("wrote the message to \(path); nothing was sent")
        case let .delivered(status):
            if let status { throw ExitCode(status) }
        }
    }
}
