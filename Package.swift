// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one way: PMOSurvey reads, validates and analyses; each renderer writes one format;
// the pmo-report executable wires them and publishes.
let package = Package(
    name: "pmo-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pmo-report", targets: ["pmo-report"]),
        // For the fuzzing package in Fuzz/, which builds with sanitizers on its own.
        .library(name: "PMOSurvey", targets: ["PMOSurvey"]),
        .library(name: "PDFRenderer", targets: ["PDFRenderer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        .systemLibrary(
            name: "CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(
            name: "CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),

        // Pure Swift: survey model, reading, validation, analysis. No C, no output formats.
        .target(name: "PMOSurvey"),
        // The one palette, keyed by meaning, as plain RGB: every renderer converts, none chooses.
        .target(name: "ReportStyle", dependencies: ["PMOSurvey"]),

        // Swift layers over the C libraries: no C type leaves these modules.
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter"]),
        .target(name: "QPDF", dependencies: ["CQPDF"]),
        // Cairo draws the PDF; libqpdf finishes it to PDF/UA-1 (what Cairo 1.16 cannot write).
        .target(name: "PDFCanvas", dependencies: ["CPangoCairo", "QPDF"]),
        // SHA-256 on the processor's SHA instructions, for files of hundreds of megabytes.
        .target(name: "OpenSSLDigest", dependencies: ["PMOSurvey", "CLibCrypto"]),

        // .xlsx exports read as rows: ZIPFoundation for the container, libexpat streaming the XML.
        .target(name: "XlsxReader", dependencies: ["CExpat", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Survey-tool exports (Microsoft Forms, SurveyMonkey, Google Forms, Qualtrics) read through mappings.
        .target(
            name: "SurveyImport",
            dependencies: ["PMOSurvey", "XlsxReader", .product(name: "Yams", package: "Yams")]),

        // The sample survey as each survey tool exports it (`sample-data --format`).
        .target(name: "SampleExports", dependencies: ["PMOSurvey", "SurveyImport", "XlsxWriter"]),

        // One renderer per output format.
        .target(name: "JSONRenderer", dependencies: ["PMOSurvey"]),
        .target(name: "WorkbookRenderer", dependencies: ["PMOSurvey", "ReportStyle", "XlsxWriter"]),
        .target(name: "PDFRenderer", dependencies: ["PMOSurvey", "ReportStyle", "PDFCanvas"]),

        // Scheduled runs: report definitions, run folders published atomically, locking, manifests.
        .target(
            name: "ReportRuns",
            dependencies: ["PMOSurvey", "OpenSSLDigest", .product(name: "Yams", package: "Yams")]),

        .executableTarget(
            name: "pmo-report",
            dependencies: [
                "PMOSurvey", "OpenSSLDigest", "JSONRenderer", "WorkbookRenderer", "PDFRenderer", "ReportRuns",
                "SurveyImport", "SampleExports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            ]),

        // Scratch folders shared by the test targets, removed when the test process exits.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PMOSurveyTests", dependencies: ["PMOSurvey", "TestSupport"]),
        .testTarget(name: "JSONRendererTests", dependencies: ["PMOSurvey", "JSONRenderer", "TestSupport"]),
        .testTarget(name: "WorkbookRendererTests", dependencies: ["PMOSurvey", "ReportStyle", "WorkbookRenderer", "XlsxWriter", "TestSupport"]),
        .testTarget(
            name: "PDFRendererTests",
            dependencies: ["PMOSurvey", "ReportStyle", "PDFRenderer", "PDFCanvas", "TestSupport",
                           // CrossOutputTests reads the workbook beside the PDF.
                           "WorkbookRenderer", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "OpenSSLDigestTests", dependencies: ["PMOSurvey", "OpenSSLDigest"]),
        .testTarget(name: "SurveyImportTests", dependencies: ["PMOSurvey", "SurveyImport", "XlsxReader", "SampleExports", "JSONRenderer", "TestSupport"]),
        .testTarget(name: "ReportRunsTests", dependencies: ["PMOSurvey", "ReportRuns", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["pmo-report", "TestSupport"], exclude: ["BadInputs"]),
    ],
    swiftLanguageModes: [.v6]
)
