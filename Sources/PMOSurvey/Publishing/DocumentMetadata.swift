/// What an output says about itself — title, subject, author, keywords, classification, when and
/// by which version it was made, from which files, in which language — gathered once from the
/// report definition and the run. The JSON export, the workbook and the PDF each write it into
/// their own fields (`generated`, File > Properties, the PDF's document information and XMP).
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var author: String
    public var organisation: String
    public var keywords: [String]
    public var classification: String
    /// The warning of an internal-use edition, which names every trust; nil in any other output.
    public var warning: String?
    public var toolVersion: String
    /// The survey files, as `Survey.sourceNames` lists them.
    public var sources: String
    /// Seconds since 1970-01-01 UTC: the run's, so that two runs of the same input give the same bytes.
    public var generatedAt: Int
    /// BCP 47 language of the text, which screen readers pronounce it in.
    public var language = "en-GB"

    /// The shared report's: its title and subtitle, and the warning when it is an internal-use edition.
    public init(analysis: Analysis, run: RunInfo) {
        let definition = analysis.definition
        title = definition.title
        subject = definition.subtitle
        author = definition.author
        organisation = definition.organisation
        keywords = definition.keywords
        classification = definition.classification
        warning = definition.internalUse ? ReportDefinition.internalUseWarning : nil
        toolVersion = run.toolVersion
        sources = analysis.survey.sourceNames
        generatedAt = run.generatedAt
    }

    /// A trust's benchmark pack, which its workbook and its PDF each title in their own words.
    /// A pack goes to another trust, so it is never an internal-use edition; its keywords say it is a pack.
    public init(pack analysis: Analysis, run: RunInfo, title: String, subject: String) {
        self.init(analysis: analysis, run: run)
        self.title = title
        self.subject = subject
        keywords.append("benchmark pack")
        warning = nil
    }

    /// `pmo-report 0.1.0`: the program that made the output.
    public var creator: String { "pmo-report \(toolVersion)" }
    /// When it was made in ISO 8601, `2025-11-24T15:20:00Z`.
    public var generatedTime: String { SurveyDate(unixTime: generatedAt).description + "Z" }
}
