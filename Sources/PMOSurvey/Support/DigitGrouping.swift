/// Whole numbers as the tool writes them everywhere, messages included: `,` between thousands
/// whatever the locale. `NumberText` (ReportStyle) writes the figures of the outputs with it.
extension StringProtocol {
    /// The digits `1234567` as `1,234,567`.
    public var groupedInThousands: String {
        var out = ""
        for (i, ch) in enumerated() {
            if i > 0, (count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}

extension Int {
    /// `3000` as `3,000`, independent of locale.
    public var grouped: String {
        let digits = String(magnitude).groupedInThousands
        return self < 0 ? "-" + digits : digits
    }
}

extension Double {
    /// `5.0` as `5`, `2.5` as `2.5`: for bounds and definitions, as written in the report definition.
    public var plain: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
