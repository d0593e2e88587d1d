/// What the PDF says about itself (`pdfinfo`). A fixed creation date makes the output
/// byte-identical run to run; without one Cairo writes the clock.
public struct Metadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    public var creator: String
    /// ISO 8601, `2015-05-27T10:30:00Z`; used for both creation and modification dates.
    public var date: String
    /// BCP 47 language of the text (`/Lang`), which screen readers pronounce it in.
    public var language: String

    public init(title: String, author: String, subject: String, keywords: [String], creator: String,
                date: String, language: String = "en-GB") {
        self.language = language
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
    }
}
