import Foundation
import ReportRuns
import Testing

@Suite struct ManifestTests {
    @Test func writesReadsAndMatches() throws {
        let folder = TemporaryFolder.make()
        try "a,b\n".write(toFile: folder + "/in.csv", atomically: false, encoding: .utf8)
        let digest = try FileDigest(path: folder + "/in.csv")
        // SHA-256 of "a,b\n", as `sha256sum` gives it.
        #expect(digest == FileDigest(size: 4, sha256: "5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313"))
        let manifest = Manifest(
            toolVersion: "0.1.0", definition: .init(path: "Reports/board-pack.yaml", sha256: "d"),
            input: .init(given: folder, file: folder + "/in.csv", digest: digest), peerCodeSecretFingerprint: "f",
            wave: "2015-12",
            responses: ["rows": 1], outputs: [.init(file: "pmo-report.json", digest: digest)],
            started: UTCTime(seconds: 0), timingsMs: .init())
        let staging = try OutputFolder(path: folder).makeStaging()
        try manifest.write(into: staging)
        let read = try #require(Manifest.read(from: staging.path))
        #expect(read == manifest)
        #expect(read.matches(input: digest.sha256, definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(!read.matches(input: digest.sha256, definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.2.0"))
        #expect(!read.matches(input: "other", definition: "d", peerCodeSecretFingerprint: "f", toolVersion: "0.1.0"))
        #expect(!read.matches(input: digest.sha256, definition: "d", peerCodeSecretFingerprint: "g", toolVersion: "0.1.0"))
        let json = try String(contentsOfFile: staging.file("manifest.json"), encoding: .utf8)
        #expect(json.contains(#""timings_ms" : {"#) && json.contains(#""outcome" : "published""#))
    }
}
