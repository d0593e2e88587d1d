internal import CCurl
import Foundation

/// A connection to a mail relay through libcurl, kept open and reused for every message (one
/// login for the whole delivery: relays count logins). STARTTLS is required on `smtp://` and TLS
/// 1.2 or later with verified certificates on both schemes, so the password and the packs never
/// cross the network in clear. libcurl does the SMTP dialogue and the dot-stuffing; the message
/// bytes are exactly the ones given. No C type leaves this module.
public final class SMTPConnection {
    private let handle: UnsafeMutableRawPointer
    private let dialogue = Dialogue()
    /// libcurl writes its own reason here when a transfer fails.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    /// Prepares the connection; nothing is sent until the first `send`.
    public init(_ server: SMTPServer) throws(SMTPError) {
        Self.initialiseOnce
        guard let handle = curl_easy_init() else { throw .unreachable("libcurl could not start a session") }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(server)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sends `message` (a complete RFC 5322 message, CRLF line ends) from `sender` to
    /// `recipients`, every one of which must be accepted. Returns the server's final reply code.
    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws(SMTPError) -> Int {
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for recipient in recipients {
            guard let longer = curl_slist_append(list, "<\(recipient)>") else { throw .unreachable("out of memory") }
            list = longer
        }
        let upload = Upload(message)
        let unmanaged = Unmanaged.passRetained(upload)
        defer { unmanaged.release() }
        try set(CURLOPT_MAIL_FROM, "<\(sender)>")
        try check(pmo_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list), "CURLOPT_MAIL_RCPT")
        try check(pmo_curl_setopt_pointer(handle, CURLOPT_READDATA, unmanaged.toOpaque()), "CURLOPT_READDATA")
        try check(pmo_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count)), "CURLOPT_INFILESIZE_LARGE")
        dialogue.reset()
        errorBuffer[0] = 0
        let result = curl_easy_perform(handle)
        // The list and the upload are freed when this returns; libcurl must not keep them.
        _ = pmo_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
        _ = pmo_curl_setopt_pointer(handle, CURLOPT_READDATA, nil)
        guard result != CURLE_OK else { return dialogue.lastCode ?? 250 }
        throw classify(result)
    }

    /// What went wrong, from libcurl's result and the replies seen.
    private func classify(_ result: CURLcode) -> SMTPError {
        let reason = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(result))
        switch result {
        case CURLE_LOGIN_DENIED:
            return .loginRefused(code: dialogue.lastCode)
        case CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED:
            return .tls(reason)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .unreachable(reason)
        default:
            if let refusal = dialogue.refusal { return .refused(refusal) }
            return .dropped(afterBody: dialogue.bodySent, reason)
        }
    }

    private func configure(_ server: SMTPServer) throws(SMTPError) {
        try check(pmo_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try set(CURLOPT_URL, server.url)
        try set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        try set(CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = server.caFile { try set(CURLOPT_CAINFO, caFile) }
        if let user = server.user { try set(CURLOPT_USERNAME, user) }
        if let password = server.password { try set(CURLOPT_PASSWORD, password) }
        try set(CURLOPT_UPLOAD, 1)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_CONNECTTIMEOUT, 30)
        // A relay that stops answering for two minutes is treated as a dropped connection.
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, 120)
        try set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try set(CURLOPT_LOW_SPEED_TIME, 120)
        try check(pmo_curl_setopt_read_callback(handle, readBytes), "CURLOPT_READFUNCTION")
        // The dialogue is watched through libcurl's debug hook: which command each reply answers.
        try check(pmo_curl_setopt_debug_callback(handle, watchDialogue), "CURLOPT_DEBUGFUNCTION")
        try check(pmo_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(dialogue).toOpaque()),
                  "CURLOPT_DEBUGDATA")
        try set(CURLOPT_VERBOSE, 1)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(SMTPError) {
        try check(pmo_curl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) throws(SMTPError) {
        try check(pmo_curl_setopt_string(handle, option, value), "option \(option.rawValue)")
    }

    /// An option libcurl refuses means this libcurl lacks what delivery relies on (e.g. a build
    /// without TLS): nothing may be sent with less.
    private func check(_ code: CURLcode, _ what: String) throws(SMTPError) {
        guard code == CURLE_OK else {
            throw .tls("libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// curl_global_init, once per process, before the first handle.
    private static let initialiseOnce: Void = {
        let code = pmo_curl_global_init()
        precondition(code == CURLE_OK, "curl_global_init failed: \(code.rawValue)")
    }()
}

/// The message being uploaded and how far libcurl has read it.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// libcurl's read callback: the next bytes of the message.
private func readBytes(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ data: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let data else { return 0 }
    let upload = Unmanaged<Upload>.fromOpaque(data).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    upload.bytes.withUnsafeBytes { bytes in
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}

/// The commands sent and replies received in one transfer: only the command's name and the
/// reply's code are kept, never an argument (addresses, and AUTH's encoded password).
private final class Dialogue {
    private(set) var lastStep: SMTPError.Step?
    private(set) var lastCode: Int?
    /// The first 4xx or 5xx reply: what failed the transfer. Kept, because libcurl then closes
    /// the connection with a QUIT whose 221 would otherwise be the last reply seen.
    private(set) var refusal: SMTPError.Reply?
    /// DATA was accepted (354) and libcurl went on to send the body.
    private(set) var bodySent = false

    func reset() {
        lastStep = nil
        lastCode = nil
        refusal = nil
        bodySent = false
    }

    func sent(_ line: Substring) {
        let upper = line.uppercased()
        if let step = [SMTPError.Step.hello, .startTLS, .login, .sender, .recipient, .data]
            .first(where: { upper.hasPrefix($0.rawValue) || ($0 == .hello && upper.hasPrefix("HELO")) }) {
            lastStep = step
        }
    }

    func received(_ line: Substring) {
        guard line.count >= 3, let code = Int(line.prefix(3)) else { return }
        if lastStep == nil { lastStep = .greeting }
        lastCode = code
        if code >= 400, refusal == nil, let lastStep { refusal = SMTPError.Reply(code: code, step: lastStep) }
        if lastStep == .data && code == 354 {
            bodySent = true
            lastStep = .body
        }
    }
}

private func watchDialogue(_ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ text: UnsafeMutablePointer<CChar>?,
                           _ size: Int, _ data: UnsafeMutableRawPointer?) -> Int32 {
    guard let text, let data, type == CURLINFO_HEADER_OUT || type == CURLINFO_HEADER_IN else { return 0 }
    let dialogue = Unmanaged<Dialogue>.fromOpaque(data).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: text, count: size)
    for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
        if type == CURLINFO_HEADER_OUT { dialogue.sent(line) } else { dialogue.received(line) }
    }
    return 0
}
