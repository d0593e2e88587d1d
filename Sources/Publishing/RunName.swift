/// The name of a published run's folder: `<wave>_<UTC time>`, e.g. `2015-05_20261127T030001Z`,
/// with `-2`, `-3` appended when two runs land in the same second. Names sort by wave label and
/// read as what they hold; retention orders runs by their time, not their wave.
public struct RunName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The wave label made safe for a file name.
    public var wave: String
    public var time: UTCTime
    /// 1 for the first run of that second.
    public var sequence: Int

    public init(wave: String, time: UTCTime, sequence: Int = 1) {
        self.wave = Self.fileNameSafe(wave)
        self.time = time
        self.sequence = sequence
    }

    /// Reads a folder name back; nil for anything pmo-report did not name, which it then never
    /// touches.
    public init?(folderName name: String) {
        guard let separator = name.lastIndex(of: "_") else { return nil }
        var stamp = name[name.index(after: separator)...]
        var sequence = 1
        if let dash = stamp.firstIndex(of: "-") {
            guard let number = Int(stamp[stamp.index(after: dash)...]), number >= 2 else { return nil }
            sequence = number
            stamp = stamp[..<dash]
        }
        let wave = String(name[..<separator])
        guard let time = UTCTime(compact: String(stamp)), !wave.isEmpty, Self.fileNameSafe(wave) == wave else { return nil }
        self.init(wave: wave, time: time, sequence: sequence)
    }

    public var description: String {
        "\(wave)_\(time.compact)" + (sequence > 1 ? "-\(sequence)" : "")
    }

    public static func < (a: RunName, b: RunName) -> Bool {
        (a.time, a.sequence, a.wave) < (b.time, b.sequence, b.wave)
    }

    /// Letters, digits, `.`, `-` and `_` kept; anything else (spaces, slashes, quotes) becomes `-`,
    /// runs of them one `-`; never empty, never hidden. `Winter 2014/15` becomes `Winter-2014-15`.
    static func fileNameSafe(_ label: String) -> String {
        var safe = ""
        for scalar in label.unicodeScalars {
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if ok {
                safe.unicodeScalars.append(scalar)
            } else if !safe.hasSuffix("-") {
                safe.append("-")
            }
        }
        while safe.hasPrefix(".") || safe.hasPrefix("-") { safe.removeFirst() }
        while safe.hasSuffix("-") { safe.removeLast() }
        return safe.isEmpty ? "survey" : String(safe.prefix(64))
    }
}
