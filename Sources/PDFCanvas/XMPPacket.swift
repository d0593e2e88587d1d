/// The document's XMP metadata (ISO 16684-1): title, author, subject, language, dates and the
/// PDF/UA identification (`pdfuaid:part` 1) that declares the file conformant.
struct XMPPacket {
    let metadata: Metadata
    /// The `/Producer` of the document information dictionary, which the XMP must repeat.
    let producer: String?

    var bytes: [UInt8] {
        let m = metadata
        var fields = [
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(m.title))</rdf:li></rdf:Alt></dc:title>",
            "<dc:language><rdf:Bag><rdf:li>\(Self.escape(m.language))</rdf:li></rdf:Bag></dc:language>",
        ]
        if !m.author.isEmpty { fields.append("<dc:creator><rdf:Seq><rdf:li>\(Self.escape(m.author))</rdf:li></rdf:Seq></dc:creator>") }
        if !m.subject.isEmpty {
            fields.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(m.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !m.keywords.isEmpty { fields.append("<pdf:Keywords>\(Self.escape(m.keywords.joined(separator: ", ")))</pdf:Keywords>") }
        if let producer { fields.append("<pdf:Producer>\(Self.escape(producer))</pdf:Producer>") }
        fields += [
            "<xmp:CreatorTool>\(Self.escape(m.creator))</xmp:CreatorTool>",
            "<xmp:CreateDate>\(Self.escape(m.date))</xmp:CreateDate>",
            "<xmp:ModifyDate>\(Self.escape(m.date))</xmp:ModifyDate>",
            "<xmp:MetadataDate>\(Self.escape(m.date))</xmp:MetadataDate>",
            "<pdfuaid:part>1</pdfuaid:part>",
        ]
        let packet = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
            xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            \(fields.joined(separator: "\n"))
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(packet.utf8)
    }

    /// Text as XML character data: markup characters escaped, characters XML forbids left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
