internal import CPangoCairo

/// Lines laid over a fill, so that areas differ by more than colour (WCAG 1.4.1: a reader who
/// cannot tell the colours apart, or prints in grey, can still tell the series apart).
public enum Hatch: Sendable, Hashable, CaseIterable {
    case none, diagonal, backDiagonal, horizontal, cross

    static let spacing = 4.0
    static let lineWidth = 0.5
}

extension Canvas {
    /// Draws `hatch` in `colour` inside `rect` (over a fill drawn before).
    public func hatch(_ rect: Rect, _ hatch: Hatch, colour: Colour) {
        guard hatch != .none, rect.width > 0, rect.height > 0 else { return }
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
        cairo_set_line_width(cr, Hatch.lineWidth)
        let step = Hatch.spacing, span = rect.width + rect.height
        // Diagonals start on a grid fixed to the page, so that neighbouring segments line up.
        var offset = (rect.x + rect.y).truncatingRemainder(dividingBy: step)
        if hatch == .diagonal || hatch == .backDiagonal || hatch == .cross {
            offset = -offset
            while offset < span {
                if hatch != .backDiagonal {
                    cairo_move_to(cr, rect.x + offset, rect.maxY)
                    cairo_line_to(cr, rect.x + offset + rect.height, rect.y)
                }
                if hatch != .diagonal {
                    cairo_move_to(cr, rect.maxX - offset, rect.maxY)
                    cairo_line_to(cr, rect.maxX - offset - rect.height, rect.y)
                }
                offset += step
            }
        } else {
            var y = rect.y + step / 2
            while y < rect.maxY {
                cairo_move_to(cr, rect.x, y)
                cairo_line_to(cr, rect.maxX, y)
                y += step
            }
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
