import Foundation
import TestSupport
import Testing

/// Peer codes must not be recomputable from public values: ODS codes are published by NHS
/// Digital, so an order keyed by a secret that ships with the tool can be redone by any trust that
/// receives a pack. The attack is run for real, with Python's own SHA-256: it works with the
/// secret that was used (so the test can fail), and fails with every secret that ships.
@Suite struct PeerCodeSecrecyTests {
    /// For each secret, the share of neighbouring peer codes (`Peer 001` and `Peer 002`, ...) whose
    /// trusts the attacker puts in the same order, recomputing `SHA-256(secret + US + "code:" + ODS
    /// code)` from the index's codes: 1 when the secret is right, about one half when it is not.
    /// Order, not numbers, so that keys the attacker cannot see (rejected rows) do not blur it.
    static let attack = """
        import csv, hashlib, json, sys
        index, secrets = sys.argv[1].split("\\n")
        peers = sorted((int(r["peer_code"].split()[1]), r["trust_code"])
                       for r in csv.DictReader(open(index, encoding="utf-8")) if r["trust_code"])
        for secret in json.loads(secrets):
            digest = lambda code: hashlib.sha256((secret + "\\x1f" + "code:" + code).encode()).digest()[:8]
            agree = sum(1 for (_, a), (_, b) in zip(peers, peers[1:]) if digest(a) < digest(b))
            print(agree / (len(peers) - 1))
        """

    static func agreement(output: String, secrets: [String]) throws -> [Double] {
        let argument = [output + "/packs-index-not-for-sharing.csv",
                        String(decoding: try JSONEncoder().encode(secrets), as: UTF8.self)].joined(separator: "\n")
        return try IndependentReaders.python(attack, argument).split(separator: "\n").map { Double($0)! }
    }

    @Test func codesCannotBeRecomputedFromShippedSecrets() throws {
        let folder = ScratchFolder.make("cli")
        // The shared run is keyed by a known secret; a plain `generate` from a fresh project folder makes its own.
        let known = SharedRun.secret, withKnown = try SharedRun.samplePacks.get().output
        let fresh = try Program.pmoReport(["generate", "--input", GenerateCommandTests.sample, "--output", folder + "/fresh", "--packs"],
                                      in: folder).run()
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stderr.contains("made a new random peer-code secret in Reports/.peer-code-secret"))
        let secret = try String(contentsOfFile: folder + "/Reports/.peer-code-secret", encoding: .utf8)
        let trusts = try String(contentsOfFile: folder + "/fresh/packs-index-not-for-sharing.csv", encoding: .utf8)
            .split(separator: "\r\n").count - 1
        #expect(trusts > 150)

        // The attack works when it has the secret...
        let withSecret = try Self.agreement(output: withKnown, secrets: [known])
        #expect(withSecret == [1], "\(withSecret)")
        // ... and is no better than a coin with anything that ships or is empty.
        let shipped = try Self.agreement(output: folder + "/fresh", secrets: ["pmo-report", "change-me-for-your-network", "", known])
        #expect(shipped.allSatisfy { $0 < 0.7 }, "\(shipped)")

        // The secret is in no output.
        let hex = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        for file in ["pmo-report.json", "packs-index-not-for-sharing.csv"] {
            #expect(!(try String(contentsOfFile: folder + "/fresh/" + file, encoding: .utf8)).contains(hex))
        }
        #expect(!fresh.stdout.contains(hex) && !fresh.stderr.contains(hex))
        // A shipped secret given in a file is refused before anything is written.
        try "change-me-for-your-network\n".write(toFile: folder + "/weak", atomically: false, encoding: .utf8)
        let weak = try Program.pmoReport(["generate", "--input", GenerateCommandTests.sample, "--output", folder + "/weak-out",
                                      "--secret-file", folder + "/weak"], in: folder).run()
        #expect(weak.status == 64 && weak.stderr.contains("the peer-code secret in this file is one that ships with pmo-report"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/weak-out"))
    }
}
