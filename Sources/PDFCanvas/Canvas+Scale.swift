internal import CPangoCairo

extension Canvas {
    /// Draws what `body` draws shrunk by `factor` towards `origin`: for a figure a little taller
    /// than a page, which is never split.
    public func scaled(_ factor: Double, about origin: Point, _ body: () throws -> Void) rethrows {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, origin.x, origin.y)
        cairo_scale(cr, factor, factor)
        cairo_translate(cr, -origin.x, -origin.y)
        try body()
    }
}
