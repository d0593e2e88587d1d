import Testing
@testable import PMOSurvey

@Suite struct PackFileNameTests {
    static func trust(_ name: String, code: String? = nil) -> Response {
        Response(line: 2, responseID: name, trustCode: code, trustName: name, sector: .acute, model: .none)
    }

    @Test func hostileNamesGiveSafeDistinctNames() {
        let names = ["../../etc/x", "CON", "a/b", String(repeating: "Long Name ", count: 30), "🏥🚑", ".hidden",
                     "Saint Trust", "Saint-Trust", "SAINT TRUST!", "nul", "Com1", "C:\\Windows\\x", "Béthune Hôpital",
                     "index", "   "]
        let stems = PackFileNames.assign(names.map { Self.trust($0) })
        #expect(stems.count == names.count)
        #expect(Set(stems.map { $0.lowercased() }).count == names.count)
        for stem in stems {
            #expect(!stem.isEmpty && stem.count <= PackFileNames.maximumLength + 4)
            #expect(stem.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(stem)")
            #expect(!stem.hasPrefix("-") && !stem.hasPrefix("."))
            #expect(!["con", "prn", "aux", "nul", "com1", "lpt1", "index"].contains(stem.lowercased()))
        }
        #expect(stems[0] == "etc-x")
        #expect(stems[1] == "con-trust")
        #expect(stems[2] == "a-b")
        #expect(stems[4] == "trust")
        #expect(stems[6] == "saint-trust" && stems[7] == "saint-trust-2" && stems[8] == "saint-trust-3")
        #expect(stems[12] == "bethune-hopital")
    }

    @Test func odsCodeWhenValid() {
        let stems = PackFileNames.assign([Self.trust("Any", code: "R1J"), Self.trust("Other", code: "CON"),
                                          Self.trust("r1j")])
        #expect(stems == ["R1J", "CON-trust", "r1j-2"])
    }
}
