internal import CExpat
import Foundation

/// libexpat fed chunk by chunk: an XML part of a workbook is parsed as it inflates, so a sheet of
/// 50 MB is never held whole. The only module that sees expat's C types.
final class XMLStream {
    /// An element's name and attributes, valid only during the callback.
    struct Tag {
        fileprivate let name: UnsafePointer<CChar>
        fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>?

        /// Whether the element's local name (namespace aside) is `local`.
        func `is`(_ local: StaticString) -> Bool {
            Self.equal(Self.localPart(name), local)
        }

        /// The value of the attribute whose local name is `local`.
        func attribute(_ local: StaticString) -> String? {
            guard let attributes else { return nil }
            var i = 0
            while let key = attributes[i] {
                if Self.equal(Self.localPart(key), local), let value = attributes[i + 1] { return String(cString: value) }
                i += 2
            }
            return nil
        }

        /// The attribute's value as bytes, valid only during the callback: for the attributes of
        /// every cell, read without making strings.
        func attributeBytes(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
            guard let attributes else { return nil }
            var i = 0
            while let key = attributes[i] {
                if Self.equal(Self.localPart(key), local), let value = attributes[i + 1] {
                    return value.withMemoryRebound(to: UInt8.self, capacity: strlen(value) + 1) { UnsafeBufferPointer(start: $0, count: strlen(value)) }
                }
                i += 2
            }
            return nil
        }

        /// The name after expat's namespace separator, if any.
        private static func localPart(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
            var local = name, p = name
            while p.pointee != 0 {
                if p.pointee == separator { local = p + 1 }
                p += 1
            }
            return local
        }

        private static func equal(_ a: UnsafePointer<CChar>, _ b: StaticString) -> Bool {
            b.withUTF8Buffer { bytes in
                for i in 0..<bytes.count where UInt8(bitPattern: a[i]) != bytes[i] { return false }
                return a[bytes.count] == 0
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var onStart: (Tag) -> Void = { _ in }
    var onEnd: (Tag) -> Void = { _ in }
    var onText: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    private static let separator = CChar(UInt8(ascii: "|"))
    private let parser: XML_Parser

    init() {
        parser = XML_ParserCreateNS(nil, Self.separator)
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { data, name, attributes in
            guard let data, let name else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue()
            stream.onStart(Tag(name: name, attributes: attributes))
        }, { data, name in
            guard let data, let name else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue()
            stream.onEnd(Tag(name: name, attributes: nil))
        })
        XML_SetCharacterDataHandler(parser) { data, text, length in
            guard let data, let text, length > 0 else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue()
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                stream.onText(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }

    deinit {
        XML_ParserFree(parser)
    }

    /// Parses the next chunk; `isFinal` for the last.
    func parse(_ bytes: UnsafeRawBufferPointer, isFinal: Bool = false) throws(Failure) {
        let status = XML_Parse(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), isFinal ? 1 : 0)
        guard status == XML_STATUS_OK else {
            let message = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "unknown error"
            throw Failure(description: "malformed XML at line \(XML_GetCurrentLineNumber(parser)): \(message)")
        }
    }
}
