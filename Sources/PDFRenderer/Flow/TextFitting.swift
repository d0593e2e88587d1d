import PDFCanvas

extension TextMeasuring {
    /// `text` cut with an ellipsis so that, wrapped at `width`, it is at most `maxHeight` tall.
    /// Survey text is data of any length (a field may hold a megabyte): a page shows what fits
    /// and says it is cut; the workbook and JSON keep every character.
    func fitted(_ text: RichText, style: TextStyle, width: Double, maxHeight: Double) -> RichText {
        // No line holds more than width / (a fifth of the type size) characters: text longer than
        // that many lines' worth cannot fit, and is cut to it before Pango shapes anything, since
        // shaping one long paragraph takes time quadratic in its length (a 1 MiB trust name
        // took 9 minutes to measure once).
        let perLine = Int(width / (style.size * 0.2)) + 1
        let lines = Int(maxHeight / (style.size * 0.9)) + 1
        let most = perLine * lines
        let length = text.plain.count
        if length <= most, size(of: text, style: style, width: width).height <= maxHeight { return text }
        var low = 0, high = min(length, most)
        // The longest prefix that fits, by bisection: `low` always fits, `high + 1` never does.
        while low < high {
            let middle = (low + high + 1) / 2
            if size(of: text.prefix(middle), style: style, width: width).height <= maxHeight {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return text.prefix(low)
    }
}

extension RichText {
    /// The first `count` characters, runs and their styles kept, with an ellipsis at the end
    /// when anything was left out.
    func prefix(_ count: Int) -> RichText {
        guard count < plain.count else { return self }
        var left = max(0, count - 1), kept: [Run] = []
        for run in runs where left > 0 {
            var cut = run
            cut.text = String(run.text.prefix(left))
            left -= cut.text.count
            kept.append(cut)
        }
        return RichText(kept) + RichText("…")
    }
}
