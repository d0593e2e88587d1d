/// Marks what Cairo drew outside every structure element as an artifact.
///
/// Cairo 1.16 puts the content of each innermost structure element between `BDC` (with an
/// `/MCID`) and `EMC`, and leaves everything else unmarked: running headers and footers, rules,
/// backgrounds, repeated table headers. PDF/UA requires such content to be `/Artifact`, and
/// Cairo 1.16 rejects that tag, so each unmarked run of drawing instructions is wrapped in
/// `/Artifact BMC … EMC` here. Runs stop at `q` and `Q`, so that marked content and graphics
/// state nest; content already marked, and the bytes of every instruction, stay as they are.
enum ArtifactMarking {
    static func mark(_ content: [UInt8]) throws(ContentStream.Malformed) -> [UInt8] {
        let stream = try ContentStream(content)
        var runs: [Range<Int>] = []
        var open: [Bool] = []  // for each open marked-content sequence: whether it is structure (or already an artifact)
        var run: (start: Int, end: Int, paints: Bool, openInRun: Int)?
        func close() {
            if let r = run, r.paints { runs.append(r.start..<r.end) }
            run = nil
        }
        for instruction in stream.instructions {
            let structural = open.contains(true)
            switch instruction.op {
            case .beginMarked, .beginMarkedPlain:
                let marksStructure = instruction.hasMCID || instruction.isArtifact
                if marksStructure, !structural {
                    if let r = run, r.openInRun > 0 {
                        throw ContentStream.Malformed(offset: instruction.range.lowerBound, reason: "structure inside other marked content")
                    }
                    close()
                } else if !structural {
                    run = run ?? (instruction.range.lowerBound, instruction.range.upperBound, false, 0)
                    run!.openInRun += 1
                }
                open.append(marksStructure)
                continue
            case .endMarked:
                guard let last = open.popLast() else {
                    throw ContentStream.Malformed(offset: instruction.range.lowerBound, reason: "EMC without BMC or BDC")
                }
                if !last, !structural, run != nil { run!.openInRun -= 1 }
                else { continue }
            case .save, .restore:
                if !structural, (run?.openInRun ?? 0) == 0 {
                    close()
                    continue
                }
                fallthrough
            default:
                guard !structural else { continue }
            }
            run = run ?? (instruction.range.lowerBound, instruction.range.upperBound, false, 0)
            run!.end = instruction.range.upperBound
            if ContentStream.Operator.painting.contains(instruction.op) { run!.paints = true }
        }
        guard open.isEmpty else { throw ContentStream.Malformed(offset: content.count, reason: "marked content never closed") }
        close()

        var out: [UInt8] = []
        out.reserveCapacity(content.count + runs.count * 20)
        var copied = 0
        for r in runs {
            out += content[copied..<r.lowerBound]
            out += Array("/Artifact BMC\n".utf8)
            out += content[r]
            out += Array("\nEMC".utf8)
            copied = r.upperBound
        }
        out += content[copied...]
        return out
    }
}
