internal import CPangoCairo
import Foundation

/// Measures text as it will be drawn, so that pages and charts can be laid out before drawing.
public protocol TextMeasuring {
    /// The size of `text` in `style`, wrapped at `width` when given.
    func size(of text: RichText, style: TextStyle, width: Double?) -> Size
}

/// Lays text out with Pango: a font map and context of its own, with glyph positions unrounded,
/// so that widths measured here are the widths drawn in the PDF.
public final class Typesetter: TextMeasuring {
    /// One typesetter per thread, reused by every document made on it. Pango state must not be
    /// shared between threads, and loading the fonts anew for each of hundreds of benchmark packs
    /// took most of their time.
    public static var forThisThread: Typesetter {
        let key = "pmo-report.Typesetter"
        if let made = Thread.current.threadDictionary[key] as? Typesetter { return made }
        let made = Typesetter()
        Thread.current.threadDictionary[key] = made
        return made
    }

    let context: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private var laidOut = LayoutCache()

    public init() {
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        // PDF user space is in points: 72 units per inch, so "Liberation Sans 10" is 10 points.
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Lays out `text`, wrapping at word boundaries (or inside a word too long for the line) when
    /// `width` is given.
    ///
    /// Text is measured before it is drawn (pages are laid out first), `fitted` measures what it
    /// then lays out, and the packs made on one thread share most of their text: the same text,
    /// style and width get the same layout, shaped once.
    public func layout(_ text: RichText, style: TextStyle, width: Double? = nil) -> TextLayout {
        laidOut.layout(text, style: style, width: width) {
            TextLayout(typesetter: self, text: text, style: style, width: width)
        }
    }

    public func size(of text: RichText, style: TextStyle, width: Double?) -> Size {
        layout(text, style: style, width: width).size
    }
}

/// One laid-out block of text. Keeps its Pango layout so that what was measured is what is drawn.
public final class TextLayout {
    let handle: OpaquePointer
    /// The logical size: advance widths and full line heights.
    public let size: Size
    public let lineCount: Int

    init(typesetter: Typesetter, text: RichText, style: TextStyle, width: Double?) {
        handle = pango_layout_new(typesetter.context)
        let font = pango_font_description_from_string(style.fontDescription)
        pango_layout_set_font_description(handle, font)
        pango_font_description_free(font)
        if let width {
            pango_layout_set_width(handle, Int32((max(1, width) * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(handle, PANGO_WRAP_WORD_CHAR)
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(handle, PANGO_ALIGN_LEFT)
        case .centre: pango_layout_set_alignment(handle, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(handle, PANGO_ALIGN_RIGHT)
        }
        if style.lineSpacing != 1 { pango_layout_set_line_spacing(handle, Float(style.lineSpacing)) }
        Self.setText(text, colour: style.colour, on: handle)

        var logical = PangoRectangle()
        pango_layout_get_extents(handle, nil, &logical)
        let scale = Double(PANGO_SCALE)
        size = Size(width: width ?? Double(logical.width) / scale, height: Double(logical.height) / scale)
        lineCount = Int(pango_layout_get_line_count(handle))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The width the text itself takes, which may be less than the box it wraps in.
    public var textWidth: Double {
        var logical = PangoRectangle()
        pango_layout_get_extents(handle, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Sets the runs' text and styles as attributes rather than markup: survey answers are
    /// data and can never be read as markup, and nothing is escaped and parsed back for every
    /// one of the thousands of cells a report lays out.
    static func setText(_ text: RichText, colour: Colour, on handle: OpaquePointer) {
        let attributes = pango_attr_list_new()
        func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?, from start: Int, to end: Int) {
            guard let attribute else { return }
            attribute.pointee.start_index = UInt32(start)
            attribute.pointee.end_index = UInt32(end)
            pango_attr_list_insert(attributes, attribute)
        }
        add(foreground(colour), from: 0, to: Int(UInt32.max))
        var whole = ""
        for run in text.runs {
            let start = whole.utf8.count
            whole += run.text
            let end = whole.utf8.count
            if run.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), from: start, to: end) }
            if let colour = run.colour { add(foreground(colour), from: start, to: end) }
        }
        pango_layout_set_text(handle, whole, -1)
        pango_layout_set_attributes(handle, attributes)
        pango_attr_list_unref(attributes)
    }

    /// The colour as Pango reads `#RRGGBB`: each 8-bit channel widened to 16 bits.
    private static func foreground(_ colour: Colour) -> UnsafeMutablePointer<PangoAttribute>? {
        func channel(_ v: Double) -> UInt16 { UInt16((max(0, min(1, v)) * 255).rounded()) * 257 }
        return pango_attr_foreground_new(channel(colour.red), channel(colour.green), channel(colour.blue))
    }
}
