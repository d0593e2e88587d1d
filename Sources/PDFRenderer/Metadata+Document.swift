import PDFCanvas
import PMOSurvey

extension Metadata {
    /// An output's metadata as the PDF's document information and XMP say it.
    init(_ metadata: DocumentMetadata) {
        self.init(title: metadata.title, author: metadata.author, subject: metadata.subject, keywords: metadata.keywords,
                  creator: metadata.creator, date: metadata.generatedTime, language: metadata.language)
    }
}
