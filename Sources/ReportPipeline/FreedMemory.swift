#if canImport(CMalloc)
internal import CMalloc
#endif

/// Gives the memory that reading and analysis freed back to the system before the outputs are
/// written. glibc keeps freed blocks in the arenas of the threads that freed them: after a
/// million rows checked on every core that is about 120 MB, which would otherwise sit under the
/// workbook's own peak of over 2 GB.
enum FreedMemory {
    static func release() {
        #if canImport(CMalloc)
        malloc_trim(0)
        #endif
    }
}
