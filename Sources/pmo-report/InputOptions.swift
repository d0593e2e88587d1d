import ArgumentParser
import Foundation
import ReportPipeline

/// `--input FILE [--mapping MAP.yaml]`, repeated: the files of one survey, each survey-tool
/// export followed by the mapping that reads it (a canonical CSV needs none).
struct InputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "A survey file: the canonical CSV, or a survey tool's export followed by its --mapping. Repeat for several files (e.g. one export per wave). Default: \(Defaults.input).",
        valueName: "file"))
    var input: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The mapping (YAML) that reads the --input before it; see `pmo-report map`.", valueName: "mapping"))
    var mapping: [String] = []

    /// Each input with the mapping given after it, in the order given.
    func pairs(arguments: [String] = CommandLine.arguments) throws -> [SurveyFile] {
        if input.isEmpty {
            guard mapping.isEmpty else { throw ValidationError("--mapping needs an --input before it") }
            return [SurveyFile(path: Defaults.input)]
        }
        // The options arrive as two lists; their order on the command line pairs them.
        var specs: [SurveyFile] = [], mappingsSeen = 0
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let argument = arguments[i]
            let (name, inline) = Self.split(argument)
            let value = inline ?? (i + 1 < arguments.endIndex ? arguments[i + 1] : nil)
            if name == "--input" || name == "-i", let value {
                specs.append(SurveyFile(path: value))
            } else if name == "--mapping" || name == "-m", let value {
                guard let last = specs.indices.last, specs[last].mapping == nil else {
                    throw ValidationError("each --mapping follows the --input it reads; \(value) has no --input of its own before it")
                }
                specs[last].mapping = value
                mappingsSeen += 1
            } else {
                i += 1
                continue
            }
            i += inline == nil ? 2 : 1
        }
        guard specs.map(\.path) == input, mappingsSeen == mapping.count else {
            // Not parsed from this process's own command line (e.g. a test): pair by position.
            guard mapping.isEmpty || mapping.count == input.count else {
                throw ValidationError("give each --input its --mapping right after it")
            }
            return input.indices.map { SurveyFile(path: input[$0], mapping: mapping.isEmpty ? nil : mapping[$0]) }
        }
        return specs
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
