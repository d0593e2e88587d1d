import PDFCanvas
@testable import PDFRenderer
import ReportStyle
import Testing

/// Chart layout is pure Swift over a text measurer: these tests never draw.
@Suite struct ChartLayoutTests {
    let measure = Typesetter()
    let darkBlue = Colour(hex: 0x003087), yellow = Colour(hex: 0xFFB81C)

    /// No two labels share any area, and every mark of text stays inside the chart.
    func expectLegible(_ layout: ChartLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = layout.texts
        let bounds = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
        for (i, a) in texts.enumerated() {
            #expect(bounds.contains(a.frame), "\(a.text.plain) outside the chart", sourceLocation: sourceLocation)
            for b in texts[(i + 1)...] where a.frame.overlaps(b.frame) {
                Issue.record("\(a.text.plain) overlaps \(b.text.plain)", sourceLocation: sourceLocation)
            }
        }
    }

    func stacked(_ rows: [StackedShares.Row]) -> PDFChart {
        PDFChart(title: "PMO model by sector", kind: .stackedShares(StackedShares(
            categories: [.init(label: "Central", colour: darkBlue), .init(label: "Devolved", colour: yellow)],
            rows: rows)))
    }

    @Test func niceScalesEndOnARoundNumber() {
        let fte = LinearScale.nice(maximum: 27.5, range: 0...100)
        #expect(fte.ticks == [0, 10, 20, 30])
        #expect(fte.position(15) == 50)
        #expect(LinearScale.nice(maximum: 4, range: 0...1).ticks == [0, 1, 2, 3, 4])
        #expect(LinearScale.nice(maximum: 0.3, range: 0...1).ticks.last == 0.3)
        #expect(LinearScale.nice(maximum: 0, range: 0...1).domain == 0...1)
        #expect(LinearScale.nice(maximum: .nan, range: 0...1).domain == 0...1)
        #expect(LinearScale.shares(range: 100...300).position(0.25) == 150)
        #expect(LinearScale.shares(range: 100...300).position(2) == 300, "values beyond the domain are clamped")
    }

    @Test func stackedSegmentsFillTheBarAndLabelOnlyWhereTheyFit() throws {
        let layout = stacked([.init(label: "Acute (n=50)", shares: [0.98, 0.02]),
                              .init(label: "All trusts (n=50)", shares: [0.5, 0.5], isTotal: true)])
            .layout(width: 400, measure: measure)
        expectLegible(layout)
        let labels = layout.texts.map(\.text.plain)
        #expect(labels.contains("98%"))
        #expect(!labels.contains("2%"), "a 2% segment is too narrow for its label")
        // Contrast: white on NHS Dark Blue, black on Warm Yellow (the axis has its own "50%").
        let fifty = layout.texts.filter { $0.text.plain == "50%" && $0.style.size == ChartStyle.value.size }
            .map(\.style.colour)
        #expect(fifty == [.white, .black])
        // Bars of one row end together at the right of the plot.
        let bars = layout.marks.compactMap { if case .rect(let r, _, _) = $0, r.height == StackedShares.barHeight { r } else { nil } }
        #expect(bars.count == 4)
        #expect(abs(bars[1].maxX - bars[3].maxX) < 1)
    }

    @Test func longLabelsWrapWithoutOverlap() {
        let long = "Mental Health and Community Services University Teaching Hospitals NHS Foundation Trust (n=3)"
        let layout = stacked([.init(label: long, shares: [0.5, 0.5]), .init(label: long, shares: [1, 0]),
                              .init(label: "All trusts (n=6)", shares: [0.66, 0.34], isTotal: true)])
            .layout(width: 320, measure: measure)
        expectLegible(layout)
        let label = layout.texts.first { $0.text.plain == long }
        #expect((label?.frame.width ?? .infinity) <= 320 * 0.3 + 0.01)
        #expect((label?.frame.height ?? 0) > 20, "the long label wraps onto several lines")
    }

    @Test func emptyAndSingleValueGroupsStillLayOut() {
        let chart = PDFChart(title: "Central PMO staffing", kind: .distribution(Distribution(rows: [
            .init(label: "Ambulance (n=0)", n: 0, values: [], min: nil, q1: nil, median: nil, q3: nil, max: nil),
            .init(label: "Specialist (n=1)", n: 1, values: [4], min: 4, q1: 4, median: 4, q3: 4, max: 4),
            .init(label: "Acute (n=12)", n: 12, values: (1...12).map(Double.init), min: 1, q1: 3.75, median: 6.5, q3: 9.25, max: 12),
            // Withheld by disclosure control: box and median only, or nothing.
            .init(label: "Community (n=9)", n: 9, values: [], min: nil, q1: 2, median: 3, q3: 4, max: nil),
            .init(label: "Combined (n=4)", n: 4, values: [], min: nil, q1: nil, median: nil, q3: nil, max: nil),
        ], axisTitle: "Central PMO FTE", colour: darkBlue)))
        let layout = chart.layout(width: 420, measure: measure)
        expectLegible(layout)
        let texts = layout.texts.map(\.text.plain)
        #expect(texts.contains("no values"))
        #expect(texts.contains("median 4.0"))
        #expect(texts.contains("median 6.5"))
        #expect(!texts.contains { $0.contains("nan") })
        // Boxes for the n = 12 group and the withheld-extremes group; the single value is a point,
        // and n = 12 shows no points; a withheld group draws nothing and says so.
        let boxes = layout.marks.filter { if case .rect = $0 { true } else { false } }
        let dots = layout.marks.filter { if case .dot = $0 { true } else { false } }
        #expect(boxes.count == 2)
        #expect(dots.count == 1)
        #expect(texts.contains("withheld"))
    }

    @Test func intervalsPlaceWhiskersAtTheirBounds() {
        let chart = PDFChart(title: "Project types", kind: .intervals(Intervals(rows: [
            .init(label: "Transformation", value: 0.85, low: 0.78, high: 0.9),
            .init(label: "Estates", value: 0, low: 0, high: 0.12),
        ], colour: darkBlue)))
        let layout = chart.layout(width: 400, measure: measure)
        expectLegible(layout)
        #expect(layout.texts.map(\.text.plain).contains("85.0%"))
        #expect(layout.texts.map(\.text.plain).contains("0.0%"))
        let dots = layout.marks.compactMap { if case .dot(let c, _, _, _) = $0 { c.x } else { nil } }
        #expect(dots.count == 2 && dots[0] > dots[1])
    }

    @Test func smallMultiplesKeepPanelsApart() {
        let categories = ["Transformation", "Service development", "IT", "Estates"]
        let panels = ["Acute (n=40)", "Mental Health (n=12)", "Ambulance (n=1)"].map {
            SmallMultiples.Panel(title: $0, shares: [1, 0.5, 0.004, 0])
        }
        let layout = PDFChart(title: "Types of project", kind: .smallMultiples(
            SmallMultiples(categories: categories, panels: panels, columns: 2, colour: darkBlue)))
            .layout(width: 480, measure: measure)
        expectLegible(layout)
        let texts = layout.texts.map(\.text.plain)
        #expect(texts.filter { $0 == "100%" }.count == 3)
        #expect(texts.contains("<1%"))
    }

    @Test func textOnAFillContrasts() {
        #expect(darkBlue.labelColour == .white)
        #expect(yellow.labelColour == .black)
        #expect(Colour(Palette.nhsBlue).rgb.contrast(with: .white) >= 4.5)
    }
}
