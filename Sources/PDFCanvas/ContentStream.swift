/// The instructions of a PDF content stream (operands, then an operator), as byte ranges, so
/// that marked content can be added around them without touching what they draw.
///
/// The lexer follows ISO 32000-1 §7.2 and §7.8.2: strings with nested parentheses and escapes,
/// hex strings, dictionaries, arrays, names, comments, and inline images (`BI … ID <bytes> EI`),
/// which become one instruction. It allocates nothing per token: a board report's pages hold
/// hundreds of thousands of them.
struct ContentStream {
    /// An operator, by its bytes (at most three: `BDC`, `TJ`, `f*`); longer ones are `other`.
    struct Operator: Hashable {
        let code: UInt32

        init(_ bytes: ArraySlice<UInt8>) {
            guard bytes.count <= 3 else {
                code = .max
                return
            }
            code = bytes.reduce(0) { $0 << 8 | UInt32($1) }
        }

        init(_ text: StaticString) {
            self.init(ArraySlice(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)))
        }

        static let beginMarked = Operator("BDC"), beginMarkedPlain = Operator("BMC"), endMarked = Operator("EMC")
        static let save = Operator("q"), restore = Operator("Q"), inlineImage = Operator("BI")
        /// The operators that put something on the page: paths painted, text shown, images and shadings.
        static let painting: Set<Operator> = Set(["f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Tj", "TJ", "'", "\"", "Do", "sh", "BI"]
            .map { Operator(ArraySlice($0.utf8)) })
    }

    struct Instruction {
        /// From the first operand to the end of the operator.
        var range: Range<Int>
        var op: Operator
        /// Whether an operand is the name `/MCID`: marked content that belongs to a structure element.
        var hasMCID: Bool
        /// Whether the first operand is the name `/Artifact`: the tag of an artifact's `BMC` or `BDC`.
        var isArtifact: Bool
    }

    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "content stream malformed at byte \(offset): \(reason)" }
    }

    private(set) var instructions: [Instruction] = []

    init(_ bytes: [UInt8]) throws(Malformed) {
        var i = 0
        var start: Int?
        var hasMCID = false
        var isArtifact = false
        var nesting = 0
        while true {
            Self.skipSpaceAndComments(bytes, &i)
            guard i < bytes.count else { break }
            let tokenStart = i
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "("):
                try Self.skipLiteralString(bytes, &i)
            case UInt8(ascii: "<") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "<"):
                i += 2
                nesting += 1
            case UInt8(ascii: ">") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">"):
                i += 2
                nesting -= 1
            case UInt8(ascii: "<"):
                guard let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else {
                    throw Malformed(offset: i, reason: "hex string never closed")
                }
                i = end + 1
            case UInt8(ascii: "["):
                i += 1
                nesting += 1
            case UInt8(ascii: "]"):
                i += 1
                nesting -= 1
            case UInt8(ascii: "/"):
                i += 1
                while i < bytes.count, Self.isRegular(bytes[i]) { i += 1 }
                let name = bytes[(tokenStart + 1)..<i]
                if name.elementsEqual("MCID".utf8) { hasMCID = true }
                if start == nil, name.elementsEqual("Artifact".utf8) { isArtifact = true }
            case UInt8(ascii: ")"), UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                throw Malformed(offset: i, reason: "unexpected '\(Character(UnicodeScalar(c)))'")
            default:
                while i < bytes.count, Self.isRegular(bytes[i]) { i += 1 }
                let word = bytes[tokenStart..<i]
                let isNumber = c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
                let isOperand = nesting > 0 || isNumber || word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8)
                    || word.elementsEqual("null".utf8)
                if !isOperand {
                    let op = Operator(word)
                    if op == .inlineImage { try Self.skipInlineImage(bytes, &i) }
                    instructions.append(Instruction(range: (start ?? tokenStart)..<i, op: op, hasMCID: hasMCID, isArtifact: isArtifact))
                    start = nil
                    hasMCID = false
                    isArtifact = false
                    continue
                }
            }
            if start == nil { start = tokenStart }
        }
        guard start == nil, nesting == 0 else { throw Malformed(offset: bytes.count, reason: "operands without an operator") }
    }

    private static func isRegular(_ c: UInt8) -> Bool {
        switch c {
        case 0, 9, 10, 12, 13, 32: false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): false
        default: true
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32
    }

    private static func skipSpaceAndComments(_ bytes: [UInt8], _ i: inout Int) {
        while i < bytes.count {
            if isSpace(bytes[i]) {
                i += 1
            } else if bytes[i] == UInt8(ascii: "%") {
                while i < bytes.count, bytes[i] != 10, bytes[i] != 13 { i += 1 }
            } else {
                return
            }
        }
    }

    private static func skipLiteralString(_ bytes: [UInt8], _ i: inout Int) throws(Malformed) {
        let start = i
        var depth = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    i += 1
                    return
                }
            default: break
            }
            i += 1
        }
        throw Malformed(offset: start, reason: "string never closed")
    }

    /// From just after `BI` to just after its `EI`: the image's dictionary, `ID`, one space,
    /// the image bytes, and `EI` standing alone.
    private static func skipInlineImage(_ bytes: [UInt8], _ i: inout Int) throws(Malformed) {
        let start = i
        guard let id = (i..<max(i, bytes.count - 1)).first(where: {
            bytes[$0] == UInt8(ascii: "I") && bytes[$0 - 1] == UInt8(ascii: "D") && isSpace(bytes[$0 - 2]) && isSpace(bytes[$0 + 1])
        }) else { throw Malformed(offset: start, reason: "inline image without ID") }
        var j = id + 2
        while j + 1 < bytes.count {
            if bytes[j] == UInt8(ascii: "E"), bytes[j + 1] == UInt8(ascii: "I"), isSpace(bytes[j - 1]),
               j + 2 == bytes.count || isSpace(bytes[j + 2]) {
                i = j + 2
                return
            }
            j += 1
        }
        throw Malformed(offset: start, reason: "inline image without EI")
    }
}
