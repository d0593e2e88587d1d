/// The layouts a typesetter has made, by text, style and width, so that text measured before it
/// is drawn is shaped once. A layout is never changed once made, so one may be drawn any number
/// of times; like the typesetter that owns it, the cache belongs to one thread.
struct LayoutCache {
    private struct Key: Hashable {
        let text: RichText
        let style: TextStyle
        let width: Double?
    }

    /// Past this many layouts the cache starts again: a report's tables may hold more distinct
    /// cells than are worth keeping, and what recurs (page furniture, headings, notes, labels)
    /// comes back after the first use.
    static let capacity = 4096

    private var layouts: [Key: TextLayout] = [:]

    mutating func layout(_ text: RichText, style: TextStyle, width: Double?, make: () -> TextLayout) -> TextLayout {
        let key = Key(text: text, style: style, width: width)
        if let made = layouts[key] { return made }
        if layouts.count >= Self.capacity { layouts.removeAll(keepingCapacity: true) }
        let made = make()
        layouts[key] = made
        return made
    }
}
