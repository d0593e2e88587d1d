import Foundation
import PMOSurvey
import SurveyImport

/// The register and trust list a run resolves trusts through (`trust-identity.md`), and how they
/// are found: the dated copy of the ODS register shipped in `Reports/` unless `--register` or
/// `register:` names a newer download; the trust list `Reports/trusts.yaml` (beside the definition
/// for `run`) unless `--trusts` or `trusts:` names another.
public struct TrustFiles: Sendable, Hashable {
    /// The shipped copy of NHS Digital's `etr.csv`, named by the month it was taken.
    public static let shippedRegisterName = "ods-etr-2026-11.csv"
    public static let defaultTrustListName = "trusts.yaml"

    /// Nil when no register was named and the shipped copy cannot be found.
    public var register: String?
    public var trustList: String?
    /// Whether the trust list was named: then a missing file is an error; the default may be absent.
    public var trustListNamed: Bool

    public init(register: String?, trustList: String?, trustListNamed: Bool) {
        self.register = register
        self.trustList = trustList
        self.trustListNamed = trustListNamed
    }

    /// The shipped register in the first of `folders`, `Reports/` of the working folder, or
    /// `Reports/` of a folder above the executable (`.build/release/pmo-report` in a clone), so that
    /// it is found from the project folder, by `swift test` and by a binary run from elsewhere.
    public static func shippedRegister(searching folders: [String] = []) -> String? {
        var candidates = folders + [FileManager.default.currentDirectoryPath + "/Reports"]
        if var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent("Reports").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates.map { $0 + "/" + shippedRegisterName }.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Reads both into a directory: a register that is not the ODS layout is refused (exit 65), a
    /// trust list that is wrong (exit 64), a file named but missing (exit 66).
    public func load() throws(PipelineError) -> TrustDirectory {
        var registerTrusts: [TrustDirectory.RegisterTrust] = [], registerSource: TrustDirectory.Source?
        if let register {
            do {
                (registerTrusts, registerSource) = try RegisterFile.load(path: register)
            } catch {
                throw PipelineError(underlying: error)
            }
        }
        var listed: [TrustDirectory.ListedTrust] = [], listSource: TrustDirectory.Source?
        if let trustList, trustListNamed || FileManager.default.fileExists(atPath: trustList) {
            do {
                (listed, listSource) = try TrustListFile.load(path: trustList, register: registerTrusts)
            } catch {
                throw PipelineError(underlying: error)
            }
        }
        var directory = TrustDirectory(register: registerTrusts, list: listed, trustListPath: trustList ?? "Reports/trusts.yaml")
        directory.register = registerSource
        directory.trustList = listSource
        return directory
    }
}
