/// Numbers distinct strings 0, 1, 2... in order of first appearance, from hashes computed elsewhere.
///
/// The reader hashes response IDs and trust identities on every core, then numbers them on one:
/// an open-addressing table of numbers costs that thread one probe per string, where a
/// `Dictionary` would hash every string again there.
struct StringNumbering {
    private(set) var strings: [String] = []
    /// The hash beside the number + 1 of the string it belongs to (0: empty), so that a probe
    /// touches the strings only when the hashes match.
    private var slots = [(hash: Int, entry: Int)](repeating: (0, 0), count: 1024)

    /// The string's number, and whether this is its first appearance.
    mutating func number(_ string: String, hash: Int) -> (number: Int, isNew: Bool) {
        if 2 * (strings.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let (slotHash, entry) = slots[slot]
            if entry == 0 {
                slots[slot] = (hash, strings.count + 1)
                strings.append(string)
                return (strings.count - 1, true)
            }
            if slotHash == hash && strings[entry - 1] == string { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [(hash: Int, entry: Int)](repeating: (0, 0), count: 2 * old.count)
        let mask = slots.count - 1
        for (hash, entry) in old where entry != 0 {
            var slot = hash & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash, entry)
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
