import FileSafety
import Foundation

/// `manifest.json` in each published run: what went in, what came out, how long it took. It is
/// how a run knows it is "up to date", and how someone holding a PDF months later can tell which
/// survey file and which definition made it.
public struct Manifest: Sendable, Hashable, Codable {
    public static let fileName = "manifest.json"

    public struct Input: Sendable, Hashable, Codable {
        /// The `input` setting of the definition or the command line (a file or a folder), with a
        /// definition's relative path made absolute.
        public var given: String
        /// The file actually read: `given`, or the newest matching file in that folder.
        public var file: String
        public var size: Int
        public var sha256: String
        /// The mapping that read a survey tool's export; nil for a canonical CSV.
        public var mapping: Definition?
        /// In the manifest's `input`, when a run read several inputs: every file read, in order,
        /// so that `input` no longer names only the first (`inputs` has each with its digest).
        public var files: [String]?

        public init(given: String, file: String, digest: FileDigest, mapping: Definition? = nil) {
            self.given = given
            self.file = file
            self.size = digest.size
            self.sha256 = digest.sha256
            self.mapping = mapping
        }
    }

    public struct Definition: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct Output: Sendable, Hashable, Codable {
        public var file: String
        public var size: Int
        public var sha256: String

        public init(file: String, digest: FileDigest) {
            self.file = file
            self.size = digest.size
            self.sha256 = digest.sha256
        }
    }

    public var toolVersion: String
    public var definition: Definition
    /// The first input (its `files` naming every input when there are several), kept for readers
    /// of older manifests; with `inputs`, every input in order.
    public var input: Input
    public var inputs: [Input]?
    /// The latest wave's label, as in the survey.
    public var wave: String
    public var responses: [String: Int]
    public var outputs: [Output]
    /// Each trust's pack files; nil when the run made no packs.
    public var packs: [Pack]?
    public var started: String
    public var timingsMs: Timings
    public var outcome: String
    /// `PeerCodeSecret.fingerprint`: a new secret changes every peer code, so the run is not up
    /// to date. The secret itself is never written.
    public var peerCodeSecretFingerprint: String?
    /// The ODS register and the trust list the trusts were resolved through: a change to either
    /// can change which answers are one trust's, so the run is not up to date.
    public var trustRegister: TrustFile?
    public var trustList: TrustFile?

    /// One trust's benchmark pack: what delivery sends it, and checks byte for byte before sending.
    /// Names the trust, like the pack files' names do; the manifest is the operator's, never shared.
    public struct Pack: Sendable, Hashable, Codable {
        public var trustName: String
        /// The trust's ODS code; empty for a trust the survey gave none.
        public var trustCode: String
        /// Each file of the pack, relative to the run folder (`packs/...`).
        public var files: [Output]

        public init(trustName: String, trustCode: String, files: [Output]) {
            self.trustName = trustName
            self.trustCode = trustCode
            self.files = files
        }

        enum CodingKeys: String, CodingKey { case trustName = "trust_name", trustCode = "trust_code", files }
    }

    /// Whole milliseconds of each step: read, analyse, render (outputs and packs) and publish.
    public struct Timings: Sendable, Hashable, Codable {
        public var read = 0
        public var analyse = 0
        public var render = 0
        public var publish = 0

        public init(read: Int = 0, analyse: Int = 0, render: Int = 0, publish: Int = 0) {
            self.read = read
            self.analyse = analyse
            self.render = render
            self.publish = publish
        }
    }

    public struct TrustFile: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        /// The register's latest open or close date (`YYYY-MM-DD`); nil for a trust list.
        public var date: String?

        public init(path: String, sha256: String, date: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.date = date
        }
    }

    public init(toolVersion: String, definition: Definition, inputs: [Input], peerCodeSecretFingerprint: String,
                wave: String, responses: [String: Int], outputs: [Output], started: UTCTime, timingsMs: Timings) {
        self.toolVersion = toolVersion
        self.definition = definition
        var first = inputs[0]
        if inputs.count > 1 { first.files = inputs.map(\.file) }
        self.input = first
        self.inputs = inputs.count > 1 || inputs[0].mapping != nil ? inputs : nil
        self.peerCodeSecretFingerprint = peerCodeSecretFingerprint
        self.wave = wave
        self.responses = responses
        self.outputs = outputs
        self.started = started.iso8601
        self.timingsMs = timingsMs
        self.outcome = "published"
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", definition, input, inputs, wave, responses, outputs, started
        case timingsMs = "timings_ms", outcome, packs
        case peerCodeSecretFingerprint = "peer_code_secret_fingerprint"
        case trustRegister = "trust_register", trustList = "trust_list"
    }

    /// Whether a run with these inputs (and their mappings), definition, peer-code secret and
    /// tool would make the same outputs again.
    public func matches(inputs fingerprints: [Input], definition definitionSHA256: String,
                        peerCodeSecretFingerprint fingerprint: String, toolVersion version: String,
                        trustFiles: [String?] = [nil, nil]) -> Bool {
        let own = (inputs ?? [input]).map { [$0.sha256, $0.mapping?.sha256 ?? ""] }
        return own == fingerprints.map { [$0.sha256, $0.mapping?.sha256 ?? ""] }
            && definition.sha256 == definitionSHA256 && peerCodeSecretFingerprint == fingerprint && toolVersion == version
            && [trustRegister?.sha256, trustList?.sha256] == trustFiles
    }

    public static func read(from folder: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// Writes the manifest into `staging`, keys sorted so that two manifests diff cleanly.
    public func write(into staging: StagingFolder) throws(SystemError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let json = (try? encoder.encode(self)) ?? Data()
        try staging.write(Array(json) + Array("\n".utf8), as: Self.fileName)
    }
}
