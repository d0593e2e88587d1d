import PDFCanvas
@testable import PDFRenderer
import ReportStyle
import Testing

/// Content of any size stays inside the page: cut, continued or shrunk, and the layout check
/// reports whatever is not.
@Suite struct PaginatorTests {
    let typesetter = Typesetter()

    func pages(_ blocks: [Block]) -> PageSequence {
        let furniture = PageFurniture(frame: .a4, title: "Test", classification: "OFFICIAL", internalUseWarning: nil)
        return PageSequence(sections: [ReportSection(title: "Section", destination: "s", blocks: blocks)], frame: .a4,
                            furniture: furniture, typesetter: typesetter)
    }

    func table(rows: [[String]]) -> Block {
        .table(Table(caption: "Table 1: Answers",
                     columns: [.init(title: "Question", weight: 1, alignment: .left),
                               .init(title: "Answer", weight: 3, alignment: .left)],
                     rows: rows.map { Table.Row(cells: $0.map { RichText($0) }) }, note: nil))
    }

    func ranked(_ count: Int) -> PDFChart {
        PDFChart(title: "Ranking", kind: .rankedBars(RankedBars(
            bars: (0..<count).map { .init(label: "Peer \($0)", value: Double(count - $0), colour: Colour(Palette.nhsBlue),
                                          isHighlighted: $0 == count / 2) },
            key: [], axisTitle: "FTE")))
    }

    @Test func aMegabyteCellIsCutToFitAPage() {
        let sequence = pages([table(rows: [["Comments", String(repeating: "A long comment. ", count: 65_536)],
                                           ["Region", "North"]])])
        #expect(sequence.layoutProblems(typesetter: typesetter).isEmpty)
        let slices = sequence.paginator.pages.flatMap { $0 }.compactMap { if case .table(let s) = $0.piece { s } else { nil } }
        let cut = slices[0].table.rows[0][1]
        #expect(cut.size.height <= PageFrame.a4.content.height)
        #expect(slices.map(\.rows.count).reduce(0, +) == 2, "both rows are placed")
    }

    @Test func anEmptyTableKeepsItsHeader() {
        let sequence = pages([table(rows: [])])
        let slices = sequence.paginator.pages.flatMap { $0 }.compactMap { if case .table(let s) = $0.piece { s } else { nil } }
        #expect(slices.count == 1 && slices[0].rows.isEmpty)
        #expect(sequence.layoutProblems(typesetter: typesetter).isEmpty)
    }

    @Test func aLongTableContinuesWithItsHeader() {
        let sequence = pages([table(rows: (0..<400).map { ["Row \($0)", "Answer"] })])
        let slices = sequence.paginator.pages.flatMap { $0 }.compactMap { if case .table(let s) = $0.piece { s } else { nil } }
        #expect(slices.count > 3 && slices.dropFirst().allSatisfy(\.continued))
        #expect(slices.map(\.rows.count).reduce(0, +) == 400)
        #expect(sequence.layoutProblems(typesetter: typesetter).isEmpty)
    }

    @Test func aFigureALittleTooTallIsShrunkAndOneFarTooTallIsReported() {
        let shrunk = pages([.figure(ranked(150))])
        let scales = shrunk.paginator.pages.flatMap { $0 }.compactMap { if case .chart(_, let s) = $0.piece { s } else { nil } }
        #expect(scales.count == 1 && scales[0] < 1 && scales[0] >= Paginator.smallestReadableScale)
        #expect(shrunk.layoutProblems(typesetter: typesetter).isEmpty)
        // Ten thousand bars without a window (packs never draw this): on the page, but unreadable.
        let problems = pages([.figure(ranked(10_000))]).layoutProblems(typesetter: typesetter)
        #expect(problems.map(\.message) == ["a figure is shrunk to 1%"])
    }

    @Test func marksOutsideTheContentAreaAreReported() {
        // Panels too many for the width: the plot shrinks to nothing and labels run off the side.
        let chart = PDFChart(title: "Crowded", kind: .smallMultiples(SmallMultiples(
            categories: ["Transformation", "Estates"],
            panels: (0..<40).map { .init(title: "Group \($0)", shares: [0.5, 0.25]) }, columns: 40,
            colour: Colour(Palette.nhsBlue))))
        let problems = pages([.figure(chart)]).layoutProblems(typesetter: typesetter)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.message.contains("outside the content area") })
    }

    @Test func rankedBarsLayOutAtAnyCount() {
        for count in [0, 1, 339, 340, 10_000] {
            let layout = ranked(count).layout(width: PageFrame.a4.content.width, measure: typesetter)
            let bounds = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
            #expect(layout.markBoxes.allSatisfy { bounds.contains($0.1) }, "\(count) bars")
        }
    }

    @Test func linesLayOutAtAnyCount() {
        for count in [0, 1, 2, 5_000] {
            let chart = PDFChart(title: "Trend", kind: .lines(Lines(
                series: [.init(category: .init(label: "Hybrid", colour: Colour(Palette.nhsBlue)),
                               values: (0..<count).map { Double($0 % 7) / 6 })],
                pointLabels: (0..<count).map { "W\($0)" })))
            let layout = chart.layout(width: PageFrame.a4.content.width, measure: typesetter)
            let bounds = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
            #expect(layout.markBoxes.allSatisfy { bounds.contains($0.1) }, "\(count) points")
            let ticks = layout.texts.map(\.text.plain).filter { $0.hasPrefix("W") }
            #expect(count == 0 || (ticks.first == "W0" && ticks.last == "W\(count - 1)" && ticks.count <= 6))
        }
    }

    @Test func scalesNeverTrap() {
        for maximum in [0, 1e-320, 5e-324, 1e-10, 1e308, .infinity, -3, .nan] {
            let scale = LinearScale.nice(maximum: maximum, range: plotRange(10, 5))
            #expect(scale.range == 10...10 && scale.position(maximum).isFinite)
        }
    }

    @Test func richTextIsCutWithAnEllipsis() {
        let text = RichText.bold("Abc") + RichText("defgh")
        #expect(text.prefix(5).plain == "Abcd…" && text.prefix(5).runs[0].bold)
        #expect(text.prefix(8) == text)
        let cut = typesetter.fitted(RichText(String(repeating: "word ", count: 200_000)), style: Typography.body,
                                    width: 300, maxHeight: 60)
        #expect(cut.plain.hasSuffix("…") && typesetter.size(of: cut, style: Typography.body, width: 300).height <= 60)
    }
}
