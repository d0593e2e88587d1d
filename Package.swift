// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one way: read -> validate -> analyse -> protect (PMOSurvey) -> render (one module
// per format, each a `Renderer`) -> publish (Publishing) -> deliver (Delivery). ReportPipeline runs
// it once for every command; the pmo-report executable only parses options and prints.
let package = Package(
    name: "pmo-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pmo-report", targets: ["pmo-report"]),
        // For the fuzzing package in Fuzz/, which builds with sanitizers on its own.
        .library(name: "PMOSurvey", targets: ["PMOSurvey"]),
        .library(name: "DemoSurvey", targets: ["DemoSurvey"]),
        .library(name: "PDFRenderer", targets: ["PDFRenderer"]),
        .library(name: "SurveyImport", targets: ["SurveyImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C libraries, wrapped thinly.
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
        .systemLibrary(name: "CZlibStream", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(
            name: "CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // SHA-256 as a protocol and a pure-Swift implementation: survey files are fingerprinted
        // and peer codes keyed with it, by the core and by the faster OpenSSL one alike.
        .target(name: "Hashing"),
        // Pure Swift: survey model, reading, validation, analysis. No C, no output formats.
        .target(name: "PMOSurvey", dependencies: ["Hashing"]),
        // Writing files safely: write-all, atomic files, staging folders, errors with strerror.
        .target(name: "FileSafety"),
        // The one palette, keyed by meaning, as plain RGB: every renderer converts, none chooses.
        .target(name: "ReportStyle", dependencies: ["PMOSurvey"]),

        // Excel's A1 cell references (`AB12`), for writing workbooks and for naming a column of an export.
        .target(name: "A1Notation"),

        // Swift layers over the C libraries: no C type leaves these modules (each imports its C module
        // with `internal import`, so the compiler refuses a public API that shows one).
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter", "A1Notation", "XlsxReader"]),
        .target(name: "QPDF", dependencies: ["CQPDF"]),
        // Cairo draws the PDF; libqpdf finishes it to PDF/UA-1 (what Cairo 1.16 cannot write).
        .target(name: "PDFCanvas", dependencies: ["CPangoCairo", "QPDF", "FileSafety"]),
        // SHA-256 on the processor's SHA instructions, for files of hundreds of megabytes.
        .target(name: "OpenSSLDigest", dependencies: ["Hashing", "CLibCrypto"]),
        // SMTP submission through libcurl: STARTTLS required, certificates verified, one connection
        // reused, reply codes mapped to typed errors.
        .target(name: "SMTPClient", dependencies: ["CCurl"]),

        // .xlsx exports read as rows: the ZIP container read by its own checked directory and
        // inflated with zlib (ZIPFoundation trusts what a hostile file claims), libexpat streaming the XML.
        .target(name: "XlsxReader", dependencies: ["CExpat", "CZlibStream"]),
        // Survey-tool exports (Microsoft Forms, SurveyMonkey, Google Forms, Qualtrics) read through mappings.
        .target(
            name: "SurveyImport",
            dependencies: ["PMOSurvey", "Hashing", "XlsxReader", "A1Notation", .product(name: "Yams", package: "Yams")]),

        // Made-up surveys: the shipped sample (`sample-data`), the same as each survey tool exports
        // it (`sample-data --format`), and surveys of extreme shape for tests and fuzzing.
        .target(name: "DemoSurvey", dependencies: ["PMOSurvey", "SurveyImport", "XlsxWriter", "FileSafety"]),

        // One renderer per output format.
        .target(name: "JSONRenderer", dependencies: ["PMOSurvey", "FileSafety"]),
        .target(name: "WorkbookRenderer", dependencies: ["PMOSurvey", "ReportStyle", "XlsxWriter", "A1Notation", "FileSafety"]),
        .target(name: "PDFRenderer", dependencies: ["PMOSurvey", "ReportStyle", "PDFCanvas"]),

        // Publishing on top of FileSafety: a folder's files replaced all together (`generate`), or a
        // dated run with its lock, manifest and `latest` (`run`); nothing half-written is ever seen.
        .target(name: "Publishing", dependencies: ["FileSafety", "Hashing", "OpenSSLDigest"]),

        // The run every command makes: inputs -> survey -> analysis -> protected -> rendered into a
        // staging folder -> published by the publisher it is given (a folder for `generate`, a
        // dated run for `run`); report definitions, the peer-code secret, the packs.
        .target(
            name: "ReportPipeline",
            dependencies: [
                "PMOSurvey", "Hashing", "OpenSSLDigest", "FileSafety", "Publishing", "SurveyImport", "JSONRenderer", "WorkbookRenderer", "PDFRenderer",
                .product(name: "Yams", package: "Yams"),
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            ]),

        // `pmo-report deliver`: each trust its own pack by e-mail, planned, confirmed and journalled.
        .target(name: "Delivery", dependencies: ["PMOSurvey", "Hashing", "ReportPipeline", "Publishing", "SMTPClient", "FileSafety", "OpenSSLDigest"]),

        // The command line: options, messages and exit codes around the pipeline.
        .executableTarget(
            name: "pmo-report",
            dependencies: [
                "PMOSurvey", "ReportPipeline", "Publishing", "SurveyImport", "DemoSurvey", "FileSafety", "Delivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Shared by the test targets: scratch folders removed when the test process exits, one way to
        // run a program (pmo-report or an independent reader) and wait for what it does.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PMOSurveyTests", dependencies: ["PMOSurvey", "Hashing", "DemoSurvey", "TestSupport"]),
        .testTarget(name: "ReportStyleTests", dependencies: ["PMOSurvey", "ReportStyle"]),
        .testTarget(name: "DemoSurveyTests", dependencies: ["PMOSurvey", "DemoSurvey"]),
        .testTarget(name: "FileSafetyTests", dependencies: ["FileSafety", "TestSupport"]),
        .testTarget(name: "JSONRendererTests", dependencies: ["PMOSurvey", "DemoSurvey", "JSONRenderer", "TestSupport"]),
        .testTarget(
            name: "WorkbookRendererTests",
            dependencies: ["PMOSurvey", "DemoSurvey", "ReportStyle", "WorkbookRenderer", "XlsxWriter", "TestSupport"]),
        .testTarget(
            name: "PDFRendererTests",
            dependencies: ["PMOSurvey", "DemoSurvey", "ReportStyle", "PDFRenderer", "PDFCanvas", "TestSupport",
                           // CrossOutputTests reads the workbook beside the PDF.
                           "WorkbookRenderer", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "OpenSSLDigestTests", dependencies: ["Hashing", "OpenSSLDigest"]),
        .testTarget(name: "SurveyImportTests", dependencies: ["PMOSurvey", "SurveyImport", "XlsxReader", "DemoSurvey", "JSONRenderer", "TestSupport"]),
        .testTarget(name: "ReportPipelineTests", dependencies: ["PMOSurvey", "Hashing", "Publishing", "ReportPipeline", "FileSafety", "PDFCanvas", "SurveyImport", "TestSupport"]),
        .testTarget(name: "DeliveryTests", dependencies: ["TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["pmo-report", "TestSupport"], exclude: ["BadInputs"]),
    ],
    swiftLanguageModes: [.v6]
)
