internal import CQPDF
import Foundation

/// One PDF object of a `QPDFDocument`: a dictionary, array, name, string, number or stream.
/// Changes go straight into the document; an indirect object changed through one handle is
/// changed for every holder of it.
public struct QPDFObject {
    let document: QPDFDocument
    let handle: qpdf_oh

    private var data: OpaquePointer { document.data }

    public var isNull: Bool { qpdf_oh_is_null(data, handle) == QPDF_TRUE }
    public var isDictionary: Bool { qpdf_oh_is_dictionary(data, handle) == QPDF_TRUE }
    public var isArray: Bool { qpdf_oh_is_array(data, handle) == QPDF_TRUE }

    /// The object number of an indirect object; 0 for a direct one.
    public var objectID: Int { Int(qpdf_oh_get_object_id(data, handle)) }

    /// `Figure` for the name `/Figure`; nil when not a name.
    public var name: String? {
        guard qpdf_oh_is_name(data, handle) == QPDF_TRUE, let raw = qpdf_oh_get_name(data, handle) else { return nil }
        return String(String(cString: raw).dropFirst())
    }

    /// A text string decoded to Swift; nil when not a string.
    public var text: String? {
        guard qpdf_oh_is_string(data, handle) == QPDF_TRUE, let raw = qpdf_oh_get_utf8_value(data, handle) else {
            return nil
        }
        return String(cString: raw)
    }

    // MARK: Dictionaries (and a stream's dictionary)

    /// The value under `key` (`"Type"`, without the slash); a null object when absent. Setting
    /// nil removes the key.
    public subscript(key: String) -> QPDFObject? {
        get {
            let value = document.object(qpdf_oh_get_key(data, handle, "/" + key))
            return value.isNull ? nil : value
        }
        nonmutating set {
            if let newValue { qpdf_oh_replace_key(data, handle, "/" + key, newValue.handle) }
            else { qpdf_oh_remove_key(data, handle, "/" + key) }
        }
    }

    // MARK: Arrays

    public var count: Int { Int(qpdf_oh_get_array_n_items(data, handle)) }
    public subscript(index: Int) -> QPDFObject { document.object(qpdf_oh_get_array_item(data, handle, Int32(index))) }
    public var items: [QPDFObject] { (0..<count).map { self[$0] } }

    /// An array as itself, any other non-null object as the only item, null as no items: PDF's
    /// "a single object or an array of them" (`/K`, `/Contents`, `/Filter`).
    public var elements: [QPDFObject] { isArray ? items : isNull ? [] : [self] }

    // MARK: Streams

    public var streamDictionary: QPDFObject { document.object(qpdf_oh_get_dict(data, handle)) }

    /// The concatenated content of a page, whatever number of streams it is split into.
    public func pageContent() throws(QPDFError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = qpdf_oh_get_page_content_data(data, handle, &buffer, &length)
        defer { free(buffer) }
        if status & QPDF_ERRORS != 0 { try document.check("read the content of page object \(objectID)") }
        return buffer.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
    }

    /// Replaces the stream's data with unfiltered `bytes`; the old filters go.
    public func replaceStreamData(_ bytes: [UInt8]) {
        let null = qpdf_oh_new_null(data)
        bytes.withUnsafeBufferPointer { qpdf_oh_replace_stream_data(data, handle, $0.baseAddress, $0.count, null, null) }
    }
}

extension QPDFObject {
    /// A dictionary's keys without their slash, in the order qpdf keeps them (sorted).
    public var keys: [String] {
        var keys: [String] = []
        qpdf_oh_begin_dict_key_iter(document.data, handle)
        while qpdf_oh_dict_more_keys(document.data) == QPDF_TRUE {
            if let key = qpdf_oh_dict_next_key(document.data) { keys.append(String(String(cString: key).dropFirst())) }
        }
        return keys
    }
}
