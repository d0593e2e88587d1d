/// Finds YAML keys that could be built from aliases, before Yams composes the file.
///
/// Yams (6.x) checks every mapping for duplicate keys by hashing the key nodes whole, and an
/// alias is expanded as it is hashed: a 1 KB file whose key is `? *a9`, nine levels of ten
/// aliases each, hashes about 10^10 nodes and never finishes. A settings file's keys are plain
/// names (`SettingsFile.entries` refuses any other), so nothing is lost by refusing, before
/// composing, each way YAML has of making a key that holds an alias: an explicit key (`? `), an
/// alias followed by `:`, and a flow collection holding an alias followed by `:`. Aliases as
/// values (`values: *yes-no`) stay allowed: they are never hashed.
enum AliasKeyCheck {
    struct Problem: Equatable {
        var line: Int
        var message: String
    }

    static func problem(in text: String) -> Problem? {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Whether each open flow collection (innermost last) holds an alias.
        var flows: [Bool] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

        static func isBlank(_ byte: UInt8?) -> Bool {
            byte == nil || byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn
        }

        /// Whether what follows `index` (after spaces) is a key's `:` indicator.
        func keyIndicatorFollows(_ index: Int) -> Bool {
            var j = index
            while at(j) == .space || at(j) == .tab { j += 1 }
            guard at(j) == .colon else { return false }
            let next = at(j + 1)
            return Self.isBlank(next) || (!flows.isEmpty && [.comma, .closeSquare, .closeCurly].contains(next))
        }

        mutating func run() -> Problem? {
            var tokenStart = true, indent = 0, lineStart = true
            while let byte = at(i) {
                if byte == .newline {
                    line += 1
                    i += 1
                    tokenStart = true
                    lineStart = true
                    indent = 0
                    continue
                }
                if lineStart {
                    if byte == .space { indent += 1; i += 1; continue }
                    lineStart = false
                }
                if byte == .space || byte == .tab || byte == .carriageReturn {
                    i += 1
                    continue
                }
                if byte == .hash, tokenStart || Self.isBlank(i > 0 ? bytes[i - 1] : nil) {
                    while let b = at(i), b != .newline { i += 1 }
                    continue
                }
                if tokenStart {
                    switch byte {
                    case .question where Self.isBlank(at(i + 1)):
                        return Problem(line: line, message: "an explicit key (`? `) is not accepted; a key must be a plain name")
                    case .star:
                        var j = i + 1
                        while let b = at(j), !Self.isBlank(b), ![.comma, .openSquare, .closeSquare, .openCurly, .closeCurly].contains(b) { j += 1 }
                        if keyIndicatorFollows(j) {
                            let name = String(decoding: bytes[i..<min(j, i + 40)], as: UTF8.self)
                            return Problem(line: line, message: "an alias (`\(name)`) is used as a key; a key must be a plain name")
                        }
                        if !flows.isEmpty { flows[flows.count - 1] = true }
                        i = j
                        tokenStart = false
                        continue
                    case .singleQuote, .doubleQuote:
                        skipQuoted(byte)
                        tokenStart = false
                        continue
                    case .bar, .greater:
                        skipBlockScalar(indent: indent)
                        continue
                    case .ampersand, .exclamation:
                        // An anchor or a tag: the node itself comes after it.
                        while let b = at(i), !Self.isBlank(b) { i += 1 }
                        continue
                    default:
                        break
                    }
                }
                switch byte {
                case .openSquare where tokenStart || !flows.isEmpty, .openCurly where tokenStart || !flows.isEmpty:
                    flows.append(false)
                    tokenStart = true
                case .closeSquare where !flows.isEmpty, .closeCurly where !flows.isEmpty:
                    let held = flows.popLast() ?? false
                    if held, keyIndicatorFollows(i + 1) {
                        return Problem(line: line, message: "a key holds an alias; a key must be a plain name")
                    }
                    if held, !flows.isEmpty { flows[flows.count - 1] = true }
                    tokenStart = false
                case .comma where !flows.isEmpty:
                    tokenStart = true
                case .dash, .colon, .question:
                    tokenStart = Self.isBlank(at(i + 1))
                default:
                    tokenStart = false
                }
                i += 1
            }
            return nil
        }

        /// A quoted scalar, which may span lines: `''` escapes a single quote, `\` anything in double quotes.
        mutating func skipQuoted(_ quote: UInt8) {
            i += 1
            while let b = at(i) {
                if b == .newline { line += 1 }
                if quote == .doubleQuote, b == .backslash {
                    if at(i + 1) == .newline { line += 1 }
                    i += 2
                    continue
                }
                if b == quote {
                    if quote == .singleQuote, at(i + 1) == .singleQuote { i += 2; continue }
                    i += 1
                    return
                }
                i += 1
            }
        }

        /// A `|` or `>` block scalar: its text is every following line indented more than the
        /// line that opens it, or blank.
        mutating func skipBlockScalar(indent: Int) {
            while let b = at(i), b != .newline { i += 1 }
            while at(i) == .newline {
                var j = i + 1, spaces = 0
                while at(j) == .space { spaces += 1; j += 1 }
                let blank = at(j) == nil || at(j) == .newline || at(j) == .carriageReturn
                guard blank || spaces > indent else { return }
                line += 1
                i = j
                while let b = at(i), b != .newline { i += 1 }
            }
        }
    }
}

private extension UInt8 {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), hash = UInt8(ascii: "#"), question = UInt8(ascii: "?")
    static let star = UInt8(ascii: "*"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-"), bar = UInt8(ascii: "|"), greater = UInt8(ascii: ">")
    static let singleQuote = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    static let openSquare = UInt8(ascii: "["), closeSquare = UInt8(ascii: "]")
    static let openCurly = UInt8(ascii: "{"), closeCurly = UInt8(ascii: "}")
    static let ampersand = UInt8(ascii: "&"), exclamation = UInt8(ascii: "!")
}
