import Foundation
@testable import PDFCanvas
import Testing
import TestSupport

/// The finishing step on its own: artifacts around exactly the unmarked drawing, and failures
/// that stop the document rather than publish a wrong one.
@Suite struct PDFFinishingTests {
    func marked(_ content: String) throws -> String {
        String(decoding: try ArtifactMarking.mark(Array(content.utf8)), as: UTF8.self)
    }

    @Test func unmarkedDrawingBecomesArtifactsAndStructureStays() throws {
        let content = """
            1 0 0 -1 0 842 cm
            q
            0 0 1 rg
            BT /f-0-0 1 Tf (Title \\) EMC BDC \\(q\\)) Tj ET
            /P << /MCID 0 >> BDC
            BT [<0012>-3<0044>] TJ ET
            EMC
            10 10 m 20 20 l S
            Q
            """
        #expect(try marked(content) == """
            1 0 0 -1 0 842 cm
            q
            /Artifact BMC
            0 0 1 rg
            BT /f-0-0 1 Tf (Title \\) EMC BDC \\(q\\)) Tj ET
            EMC
            /P << /MCID 0 >> BDC
            BT [<0012>-3<0044>] TJ ET
            EMC
            /Artifact BMC
            10 10 m 20 20 l S
            EMC
            Q
            """)
    }

    @Test func marksWithoutStructureJoinTheArtifactAndStateAloneIsLeft() throws {
        // Cairo's ActualText spans carry no MCID: they stay inside the artifact around them.
        let content = "q 1 w Q /Span << /ActualText (fi) >> BDC BT (fi) Tj ET EMC /Artifact BMC 0 0 5 5 re f EMC"
        #expect(try marked(content)
            == "q 1 w Q /Artifact BMC\n/Span << /ActualText (fi) >> BDC BT (fi) Tj ET EMC\nEMC /Artifact BMC 0 0 5 5 re f EMC")
    }

    @Test func malformedContentIsRefused() {
        for content in ["(never closed", "/P << /MCID 0 >> BDC (x) Tj", "EMC", "1 2", "<00"] {
            #expect(throws: ContentStream.Malformed.self, "\(content)") { try marked(content) }
        }
    }

    @Test func aStructureTreeThatIsNotTheOneDrawnStopsTheDocument() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("pdf"))
        let path = folder.appendingPathComponent("a.pdf").path
        let metadata = Metadata(title: "T", author: "A", subject: "S", keywords: [], creator: "C", date: "2015-05-27T10:30:00Z")
        let document = try Document(path: path, metadata: metadata)
        try document.page { canvas in canvas.tagged(.paragraph) { canvas.text("Hello", style: TextStyle(), at: Point(x: 50, y: 50)) } }
        try document.finish()
        let drawn = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: AccessibleFinish.Mismatch.self) {
            try AccessibleFinish(metadata: metadata, structure: []).apply(to: Array(drawn))
        }
        #expect(throws: AccessibleFinish.Mismatch.self) {
            try AccessibleFinish(metadata: metadata, structure: [.init(tag: .figure, attributes: .none)]).apply(to: Array(drawn))
        }
        #expect(throws: (any Error).self) {
            try AccessibleFinish(metadata: metadata, structure: []).apply(to: Array("not a PDF".utf8))
        }
    }
}
