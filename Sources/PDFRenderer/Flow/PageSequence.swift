import PDFCanvas

/// Lays out sections after some front pages (cover, contents) and draws the whole document:
/// every page with its furniture and "Page X of Y", sections tagged `Sect`, one bookmark each.
/// Shared by the board report and the trust packs, so both paginate the same way.
struct PageSequence {
    let sections: [ReportSection]
    let frame: PageFrame
    let furniture: PageFurniture
    let paginator: Paginator
    static let frontPages = 2

    init(sections: [ReportSection], frame: PageFrame, furniture: PageFurniture, typesetter: Typesetter) {
        self.sections = sections
        self.frame = frame
        self.furniture = furniture
        var paginator = Paginator(typesetter: typesetter, frame: frame.content)
        for section in sections { paginator.add(section) }
        self.paginator = paginator
    }

    var total: Int { Self.frontPages + paginator.pages.count }

    /// The contents page's entries, with the page each section starts on.
    var contents: Contents {
        Contents(entries: zip(sections, paginator.firstPages).map {
            Contents.Entry(title: $0.title, destination: $0.destination, page: Self.frontPages + $1 + 1)
        })
    }

    /// Draws `cover` on page 1, the contents on page 2, then the sections; finishes the document.
    func draw(on document: Document, cover: (Canvas) -> Void) throws {
        document.beginTag(.document)
        try document.page { canvas in
            furniture.drawHeader(on: canvas)
            cover(canvas)
            furniture.drawFooter(on: canvas, page: 1, of: total)
        }
        try document.page { canvas in
            furniture.drawHeader(on: canvas)
            contents.draw(on: canvas, frame: frame)
            furniture.drawFooter(on: canvas, page: 2, of: total)
        }
        var openSection: Int?
        for (index, page) in paginator.pages.enumerated() {
            try document.page { canvas in
                furniture.drawHeader(on: canvas)
                for placed in page {
                    if placed.section != openSection {
                        if openSection != nil { document.endTag(.section) }
                        document.beginTag(.section)
                        openSection = placed.section
                    }
                    placed.draw(on: canvas, left: frame.content.minX)
                }
                furniture.drawFooter(on: canvas, page: Self.frontPages + index + 1, of: total)
            }
        }
        if openSection != nil { document.endTag(.section) }
        document.endTag(.document)
        for section in sections { document.addOutline(section.title, destination: section.destination) }
        try document.finish()
    }
}
