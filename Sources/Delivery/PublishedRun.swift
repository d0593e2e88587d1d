import FileSafety
import Foundation
import Publishing
import ReportPipeline

/// The run whose packs are delivered: `latest` unless named. Resolved once to its own folder, so
/// that a new run published meanwhile changes the plan ID instead of what is sent.
struct PublishedRun {
    /// The run folder's name, e.g. `2015-12_20261127T030001Z`.
    let name: String
    let path: String
    let manifest: Manifest

    var indexPath: String { path + "/" + TrustPacks.indexName }
    var packsPath: String { path + "/" + TrustPacks.folderName }
    /// Plan, journal, report and previews: beside the packs, never in `packs/`, which is shared.
    var deliveryPath: String { path + "/delivery" }

    init(output: String, run: String?) throws(PipelineError) {
        let name: String
        if let run {
            name = (run as NSString).lastPathComponent
        } else {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output + "/latest") else {
                throw PipelineError(.noInput, "\(output)/latest: no published run; run `pmo-report run` first, or name one with --run")
            }
            name = (target as NSString).lastPathComponent
        }
        path = output + "/runs/" + name
        guard let manifest = Manifest.read(from: path) else {
            throw PipelineError(.noInput, "\(path): no published run there (no readable \(Manifest.fileName))")
        }
        self.name = name
        self.manifest = manifest
    }

    /// Makes the delivery folder, readable by its owner only: it holds every trust's addresses.
    func makeDeliveryFolder() throws(PipelineError) {
        if mkdir(deliveryPath, 0o700) != 0 && errno != EEXIST {
            throw PipelineError(.cannotCreate, "\(SystemError("create the folder", deliveryPath))")
        }
    }
}
