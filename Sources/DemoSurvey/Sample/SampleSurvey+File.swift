import FileSafety

extension SampleSurvey {
    /// Writes the canonical CSV to `path` as an atomic file: a failed run leaves what was there.
    public func write(to path: String) throws(SystemError) {
        var file = try AtomicFile(replacing: path)
        var buffer: [UInt8] = []
        try write { chunk throws(SystemError) in
            buffer += chunk.utf8
            if buffer.count >= 1 << 20 {
                try file.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try file.write(buffer)
        try file.commit()
    }
}
