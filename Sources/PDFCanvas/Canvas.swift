internal import CPangoCairo
import Foundation

/// Draws on the current page. Coordinates are points from the top-left corner.
///
/// Text is extracted from a PDF in drawing order, so callers draw in reading order.
public struct Canvas {
    let cr: OpaquePointer
    public let typesetter: Typesetter
    let structure: StructureLog

    public func fill(_ rect: Rect, _ colour: Colour) {
        set(colour)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    public func stroke(_ rect: Rect, _ colour: Colour, width: Double = 0.5) {
        set(colour)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    public func line(from a: Point, to b: Point, _ colour: Colour, width: Double = 0.5, dash: Double? = nil) {
        set(colour)
        cairo_set_line_width(cr, width)
        if let dash {
            var pattern = [dash, dash]
            cairo_set_dash(cr, &pattern, 2, 0)
        }
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    public func circle(centre: Point, radius: Double, fill: Colour?, stroke: Colour?, width: Double = 0.75) {
        cairo_new_path(cr)
        cairo_arc(cr, centre.x, centre.y, radius, 0, 2 * Double.pi)
        if let fill {
            set(fill)
            if stroke == nil { cairo_fill(cr) } else { cairo_fill_preserve(cr) }
        }
        if let stroke {
            set(stroke)
            cairo_set_line_width(cr, width)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Draws a laid-out text block with its top-left corner at `origin`.
    public func draw(_ layout: TextLayout, at origin: Point) {
        cairo_move_to(cr, origin.x, origin.y)
        pango_cairo_show_layout(cr, layout.handle)
    }

    /// Lays out and draws text; returns its size.
    @discardableResult
    public func text(_ text: RichText, style: TextStyle, at origin: Point, width: Double? = nil) -> Size {
        let layout = typesetter.layout(text, style: style, width: width)
        draw(layout, at: origin)
        return layout.size
    }

    /// Wraps what `body` draws in a structure element. What is drawn outside every element is
    /// decoration (an artifact) to assistive technology.
    public func tagged(_ tag: StructureTag, _ attributes: StructureAttributes = .none, _ body: () throws -> Void) rethrows {
        begin(tag, attributes)
        defer { end(tag) }
        try body()
    }

    /// Wraps what `body` draws in part of a structure element drawn in several calls, such as a
    /// table or list that continues on the next page: the first part `opens` it, the last
    /// `closes` it. A part that does neither is drawn inside the open element, untagged.
    public func tagged(part tag: StructureTag, opens: Bool, closes: Bool, _ attributes: StructureAttributes = .none,
                       _ body: () throws -> Void) rethrows {
        if opens { begin(tag, attributes) }
        defer { if closes { end(tag) } }
        try body()
    }

    private func begin(_ tag: StructureTag, _ attributes: StructureAttributes) {
        structure.record(tag, attributes)
        cairo_tag_begin(cr, tag.rawValue, "")
    }

    private func end(_ tag: StructureTag) { cairo_tag_end(cr, tag.rawValue) }

    /// Makes what `body` draws a link to a named destination in this document; `description`
    /// says where it leads, for screen readers (`Executive summary, page 3`).
    public func link(to destination: String, description: String, _ body: () throws -> Void) rethrows {
        structure.record(.link, .none, linkDescription: description)
        cairo_tag_begin(cr, StructureTag.link.rawValue, "dest=\(Self.quoted(destination))")
        defer { cairo_tag_end(cr, StructureTag.link.rawValue) }
        try body()
    }

    /// Names the place where `body` draws, for links and bookmarks to jump to.
    public func destination(_ name: String, _ body: () throws -> Void) rethrows {
        cairo_tag_begin(cr, "cairo.dest", "name=\(Self.quoted(name))")
        defer { cairo_tag_end(cr, "cairo.dest") }
        try body()
    }

    private func set(_ colour: Colour) {
        cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
    }

    /// A Cairo attribute string value: single-quoted, with `'` and `\` escaped.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
