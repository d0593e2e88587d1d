/// Numbers distinct strings 0, 1, 2... in order of first appearance, from hashes computed elsewhere.
///
/// The reader hashes response IDs and trust identities on every core, then numbers them on one:
/// an open-addressing table of numbers costs that thread one probe per string, where a
/// `Dictionary` would hash every string again there.
struct StringNumbering {
    private(set) var strings: [String] = []
    private var hashes: [Int] = []
    /// The number + 1 of the string whose hash lands there; 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The string's number, and whether this is its first appearance.
    mutating func number(_ string: String, hash: Int) -> (number: Int, isNew: Bool) {
        if 2 * (strings.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 {
                slots[slot] = Int32(strings.count + 1)
                strings.append(string)
                hashes.append(hash)
                return (strings.count - 1, true)
            }
            if hashes[entry - 1] == hash && strings[entry - 1] == string { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}

/// Numbers wave labels 0, 1, 2... in order of first appearance. Waves are few and rows of one
/// wave usually come together, so the last label is remembered and most rows skip the look-up.
struct WaveNumbering {
    private var numbers: [String: Int] = [:]
    private var last: (label: String, number: Int)?

    mutating func number(_ label: String) -> (number: Int, isNew: Bool) {
        if let last, last.label == label { return (last.number, false) }
        let number = numbers[label] ?? numbers.count
        let isNew = number == numbers.count
        if isNew { numbers[label] = number }
        last = (label, number)
        return (number, isNew)
    }
}
