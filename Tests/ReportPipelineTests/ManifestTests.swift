import Foundation
import Publishing
import Testing
import TestSupport

@Suite struct ManifestTests {
    @Test func writesReadsAndMatches() throws {
        let folder = ScratchFolder.make("runs")
        try "a,b\n".write(toFile: folder + "/in.csv", atomically: false, encoding: .utf8)
        let digest = try FileDigest(path: folder + "/in.csv")
        // SHA-256 of "a,b\n", as `sha256sum` gives it.
        #expect(digest == FileDigest(size: 4, sha256: "5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313"))
        let manifest = Manifest(
            toolVersion: "0.1.0", definition: .init(path: "Reports/board-pack.yaml", sha256: "d"),
            inputs: [.init(given: folder, file: folder + "/in.csv", digest: digest)], peerCodeSecretFingerprint: "f",
            wave: "2015-12",
            responses: ["rows": 1], outputs: [.init(file: "pmo-report.json", digest: digest)],
            started: UTCTime(seconds: 0), timingsMs: .init())
        let staging = try OutputFolder(path: folder).makeStaging()
        try manifest.write(into: staging)
        let read = try #require(Manifest.read(from: staging.path))
        #expect(read == manifest)
        let input = Manifest.Input(given: "x", file: "x", digest: digest)
        #expect(read.matches(inputs: [input], definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(!read.matches(inputs: [input], definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.2.0"))
        #expect(!read.matches(inputs: [.init(given: "x", file: "x", digest: FileDigest(size: 4, sha256: "other"))], definition: "d",
                              peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(!read.matches(inputs: [input], definition: "d", peerCodeSecretFingerprint: "g", toolVersion: "0.1.0"))
        #expect(!read.matches(inputs: [input, input], definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(read.inputs == nil, "a lone canonical CSV keeps the manifest's one `input`")
        let json = try String(contentsOfFile: staging.file("manifest.json"), encoding: .utf8)
        #expect(json.contains(#""timings_ms" : {"#) && json.contains(#""outcome" : "published""#))
    }

    /// Every input and every mapping is part of "up to date": a changed mapping means a new run.
    @Test func matchesEveryInputAndMapping() throws {
        let one = FileDigest(size: 1, sha256: "a"), two = FileDigest(size: 2, sha256: "b")
        let inputs = [Manifest.Input(given: "a.xlsx", file: "a.xlsx", digest: one, mapping: .init(path: "a.yaml", sha256: "m1")),
                      Manifest.Input(given: "b.csv", file: "b.csv", digest: two, mapping: .init(path: "b.yaml", sha256: "m2"))]
        let manifest = Manifest(toolVersion: "0.1.0", definition: .init(path: "d.yaml", sha256: "d"), inputs: inputs,
                                peerCodeSecretFingerprint: "f", wave: "2015-12", responses: [:], outputs: [], started: UTCTime(seconds: 0), timingsMs: .init())
        #expect(manifest.inputs == inputs && manifest.input.file == inputs[0].file && manifest.input.sha256 == inputs[0].sha256)
        #expect(manifest.input.files == ["a.xlsx", "b.csv"], "`input` names every input, not only the first")
        #expect(manifest.inputs?.allSatisfy { $0.files == nil } == true)
        #expect(manifest.matches(inputs: inputs, definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        var changed = inputs
        changed[1].mapping?.sha256 = "m3"
        #expect(!manifest.matches(inputs: changed, definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(!manifest.matches(inputs: [inputs[1], inputs[0]], definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
    }
}
