// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target lives in its own package: it links libFuzzer's driver, which only a
// `-sanitize=fuzzer` build provides, so it must stay out of the main package's ordinary builds.
// Run it with `scripts/fuzz SECONDS`.
let package = Package(
    name: "pmo-report-fuzz",
    dependencies: [.package(name: "pmo-report", path: "..")],
    targets: [
        // libFuzzer's driver, entered from each target's `main`.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "PipelineFuzz",
            dependencies: ["FuzzDriver",
                           .product(name: "PMOSurvey", package: "pmo-report"),
                           .product(name: "DemoSurvey", package: "pmo-report"),
                           .product(name: "PDFRenderer", package: "pmo-report")]),
        // The import path alone: .xlsx exports through the streaming reader, mappings' YAML.
        .executableTarget(
            name: "ImportFuzz",
            dependencies: ["FuzzDriver",
                           .product(name: "PMOSurvey", package: "pmo-report"),
                           .product(name: "SurveyImport", package: "pmo-report")]),
    ],
    swiftLanguageModes: [.v6]
)
