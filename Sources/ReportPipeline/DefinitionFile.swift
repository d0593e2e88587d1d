import FileSafety
import Foundation
import PMOSurvey
import SurveyImport
import Yams

/// A report definition as read from `Reports/*.yaml`: what the report says about itself (a
/// `ReportDefinition`) and how a scheduled run finds its input and publishes (`RunSettings`).
/// Read as every settings file is (`SettingsFile`), so that each error names its key and line.
public struct DefinitionFile: Sendable {
    /// The file as the user named it.
    public var path: String
    /// SHA-256 of the file's bytes: part of what makes a run "up to date".
    public var sha256: String
    public var report: ReportDefinition
    public var settings: RunSettings
    /// The `delivery:` section, when there is one.
    public var delivery: DeliverySettings?

    /// Reads and checks the definition at `path`. Relative `input` and `output` paths are taken
    /// from the definition's own folder, so that cron, which starts in `$HOME`, finds them.
    public static func load(path: String) throws(SettingsFileError) -> DefinitionFile {
        let yaml = try SettingsFile(path: path, what: "report definition", example: "title: PMO benchmarking 2015")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var file = DefinitionFile(path: path, sha256: yaml.sha256, report: ReportDefinition(), settings: RunSettings())
        try file.read(yaml, relativeTo: folder)
        if file.settings.trustList == nil {
            file.settings.trustList = Self.resolve(TrustFiles.defaultTrustListName, relativeTo: folder)
        }
        if file.settings.peerCodeSecretFile == nil {
            file.settings.peerCodeSecretFile = Self.resolve(PeerCodeSecret.fileName, relativeTo: folder)
        }
        return file
    }

    private mutating func read(_ yaml: SettingsFile, relativeTo folder: URL) throws(SettingsFileError) {
        for (key, value) in try entries(of: yaml.top, as: DefinitionKey.self, file: path) {
            switch key {
            case .title: report.title = try value.text()
            case .subtitle: report.subtitle = try value.text()
            case .organisation: report.organisation = try value.text()
            case .author: report.author = try value.text()
            case .classification: report.classification = try value.text()
            case .keywords: report.keywords = try value.texts()
            case .input: settings.input = Self.resolve(try value.text(), relativeTo: folder)
            case .inputs: settings.inputs = try inputs(value, relativeTo: folder)
            case .inputPattern: settings.inputPattern = try value.text()
            case .output: settings.output = Self.resolve(try value.text(), relativeTo: folder)
            case .outputs: settings.outputs = try Self.outputs(value)
            case .keepRuns: settings.keepRuns = try value.wholeNumber(atLeast: 1)
            case .sizeBands: report.bounds = try sizeBands(value, over: report.bounds)
            // Disclosure control's thresholds may be raised, never lowered.
            case .withholdBelow: report.disclosure.smallestCount = try value.wholeNumber(atLeast: DisclosureRules.standard.smallestCount)
            case .fteStatisticsBelow:
                report.disclosure.smallestStatistics = try value.wholeNumber(atLeast: DisclosureRules.standard.smallestStatistics)
            case .dominancePercent:
                report.disclosure.dominancePercent = try value.wholeNumber(atLeast: DisclosureRules.standard.dominancePercent)
            case .peerCodeSecret:
                let secret = try value.text()
                if let weakness = PeerCodeSecret.weakness(of: secret) {
                    throw value.bad("a secret of the network's own: this one \(weakness), so anyone could work out "
                        + "which trust is behind each peer code. Remove the key to let pmo-report make and keep a random "
                        + "secret in \(PeerCodeSecret.fileName) beside this file, or give at least "
                        + "\(PeerCodeSecret.minimumLength) random characters")
                }
                report.peerCodeSecret = secret
            case .peerCodeSecretFile: settings.peerCodeSecretFile = Self.resolve(try value.text(), relativeTo: folder)
            case .internalUse: report.internalUse = try value.flag()
            case .register: settings.register = Self.resolve(try value.text(), relativeTo: folder)
            case .trusts:
                settings.trustList = Self.resolve(try value.text(), relativeTo: folder)
                settings.trustListNamed = true
            case .delivery: delivery = try Self.delivery(value, file: path, relativeTo: folder)
            }
        }
    }

    private func sizeBands(_ value: DefinitionValue, over standard: SizeBounds) throws(SettingsFileError) -> SizeBounds {
        var bounds = standard
        let mapping = try value.mapping()
        for (key, value) in try entries(of: mapping, as: SizeBandKey.self, file: path, prefix: "size_bands.") {
            switch key {
            case .mediumTrustFrom: bounds.mediumTrustFrom = try value.wholeNumber(atLeast: 1)
            case .largeTrustFrom: bounds.largeTrustFrom = try value.wholeNumber(atLeast: 1)
            case .mediumPMOFrom: bounds.mediumPMOFrom = try value.decimal(above: 0)
            case .largePMOFrom: bounds.largePMOFrom = try value.decimal(above: 0)
            }
        }
        guard bounds.mediumTrustFrom < bounds.largeTrustFrom else {
            throw value.bad("medium_trust_from (\(bounds.mediumTrustFrom)) below large_trust_from (\(bounds.largeTrustFrom))")
        }
        guard bounds.mediumPMOFrom < bounds.largePMOFrom else {
            throw value.bad("medium_pmo_from (\(bounds.mediumPMOFrom.plain)) below large_pmo_from (\(bounds.largePMOFrom.plain))")
        }
        return bounds
    }

    /// `inputs:`, a list of `file:` (and `mapping:`, `pattern:`) entries.
    private func inputs(_ value: DefinitionValue, relativeTo folder: URL) throws(SettingsFileError) -> [SurveyFile] {
        guard let sequence = value.node.sequence, !sequence.isEmpty else {
            throw value.bad("a list of `- file: export.csv` entries, each with the `mapping:` that reads it")
        }
        var inputs: [SurveyFile] = []
        for item in sequence {
            let entry = DefinitionValue(file: path, key: "inputs", node: item)
            var input = SurveyFile(path: "")
            for (key, value) in try entries(of: try entry.mapping(), as: InputKey.self, file: path, prefix: "inputs.") {
                switch key {
                case .file: input.path = Self.resolve(try value.text(), relativeTo: folder)
                case .mapping: input.mapping = Self.resolve(try value.text(), relativeTo: folder)
                case .pattern: input.pattern = try value.text()
                }
            }
            guard !input.path.isEmpty else {
                throw SettingsFileError(file: path, line: entry.line, problem: .missingValue(key: "inputs.file"))
            }
            inputs.append(input)
        }
        return inputs
    }

    private static func outputs(_ value: DefinitionValue) throws(SettingsFileError) -> [Output] {
        var outputs: [Output] = []
        let names = Output.allCases.map(\.rawValue).joined(separator: ", ")
        for name in try value.texts() {
            guard let output = Output(rawValue: name.lowercased()) else {
                throw value.bad("a list of \(names); `\(name)` is none of them")
            }
            guard !outputs.contains(output) else { throw value.bad("each output once; `\(name)` is listed twice") }
            outputs.append(output)
        }
        return outputs
    }

    /// `delivery:`: every value checked here, so that a mistake stops a dry run with its line.
    private static func delivery(_ value: DefinitionValue, file: String, relativeTo folder: URL) throws(SettingsFileError) -> DeliverySettings {
        var delivery = DeliverySettings()
        var rateValue: DefinitionValue?
        for (key, value) in try entries(of: try value.mapping(), as: DeliveryKey.self, file: file, prefix: "delivery.") {
            switch key {
            case .smtp:
                delivery.smtp = try value.text()
                guard delivery.smtp.hasPrefix("smtp://") || delivery.smtp.hasPrefix("smtps://") else {
                    throw value.bad("an smtp:// (STARTTLS) or smtps:// URL with the relay's host and port, e.g. smtp://smtp.example.nhs.uk:587")
                }
            case .user: delivery.user = try value.text()
            case .from:
                delivery.from = try value.text()
                guard DeliverySettings.isAddress(delivery.from) else { throw value.bad("one e-mail address, e.g. pmo.network@nhs.net") }
            case .passwordFile: delivery.passwordFile = resolve(try value.text(), relativeTo: folder)
            case .contacts: delivery.contacts = resolve(try value.text(), relativeTo: folder)
            case .allowedDomains:
                delivery.allowedDomains = try value.texts().map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@.")) }
                guard delivery.allowedDomains.allSatisfy({ $0.contains(".") && !$0.contains("@") && !$0.contains(" ") }) else {
                    throw value.bad("a list of domains, e.g. [nhs.net, nhs.uk]")
                }
            case .caFile: delivery.caFile = resolve(try value.text(), relativeTo: folder)
            case .rate:
                delivery.rate = try value.wholeNumber(atLeast: 0)
                guard delivery.rate <= DeliverySettings.maximumRate else {
                    throw value.bad("messages a minute, at most \(DeliverySettings.maximumRate) (Exchange Online's limit)")
                }
                rateValue = value
            case .secureSubject: delivery.secureSubject = try value.flag()
            case .subject: delivery.subject = try template(value)
            case .body: delivery.body = try template(value)
            }
        }
        for (key, missing) in [("smtp", delivery.smtp.isEmpty), ("from", delivery.from.isEmpty),
                               ("contacts", delivery.contacts.isEmpty), ("allowed_domains", delivery.allowedDomains.isEmpty)]
        where missing {
            throw SettingsFileError(file: file, line: value.line, problem: .missingKey(
                key: "delivery." + key, why: "delivery needs the relay, the sender, the contacts file and the allowed recipient domains"))
        }
        if delivery.rate == 0, let rateValue, !(delivery.smtp.hasPrefix("smtp://127.0.0.1:") || delivery.smtp == "smtp://127.0.0.1") {
            throw rateValue.bad("a rate of 1 to \(DeliverySettings.maximumRate); 0 (no limit) is only for a test relay on smtp://127.0.0.1")
        }
        return delivery
    }

    /// A subject or body whose `{placeholders}` are all known.
    private static func template(_ value: DefinitionValue) throws(SettingsFileError) -> String {
        // The text as written: a body's line breaks and indentation are kept.
        _ = try value.text()
        let text = value.node.scalar?.string ?? ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard DeliverySettings.placeholders.contains(name) else {
                throw value.bad("text whose placeholders are among \(DeliverySettings.placeholders.map { "{\($0)}" }.joined(separator: ", ")); `{\(name)}` is not")
            }
            rest = rest[rest.index(after: close)...]
        }
        return text
    }

    /// `path` as an absolute path: as it is when absolute, else from `folder`, with `.` and `..`
    /// worked out so that logs and manifests show a readable path.
    static func resolve(_ path: String, relativeTo folder: URL) -> String {
        URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
    }
}
