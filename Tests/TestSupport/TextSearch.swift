import Foundation

extension String {
    /// Those of `needles` that occur in this text, found by their UTF-8 bytes: `contains`
    /// compares Characters, which over megabytes of output and hundreds of names takes seconds.
    /// Each needle is looked for in its composed and its decomposed form, so that text written in
    /// either normalization is found.
    public func occurrences(of needles: some Sequence<String>) -> [String] {
        let haystack = Data(utf8)
        return needles.filter { needle in
            [needle.precomposedStringWithCanonicalMapping, needle.decomposedStringWithCanonicalMapping].contains {
                haystack.range(of: Data($0.utf8)) != nil
            }
        }
    }
}
