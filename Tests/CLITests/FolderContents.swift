import Foundation

/// The names in `folder`, hidden ones included, sorted; none when it does not exist.
func contents(of folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
