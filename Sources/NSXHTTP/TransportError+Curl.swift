import CCurlShim

extension TransportError {
    /// Sorts a failed transfer's `CURLcode` into the cases callers act on, keeping
    /// libcurl's words: its short text for the code plus the detail from the error buffer.
    init(curlCode code: CURLcode, detail: String) {
        let summary = String(cString: nsx_curl_easy_strerror(code))
        let message = detail.isEmpty || detail == summary ? summary : "\(summary) (\(detail))"
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            self = .couldNotConnect(message)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timedOut(message)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
             CURLE_HTTP2_STREAM:
            self = .connectionLost(message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_USE_SSL_FAILED, CURLE_SSL_CLIENTCERT:
            self = .tls(message)
        case CURLE_ABORTED_BY_CALLBACK:
            self = .interrupted
        default:
            self = .other(code: Int(code.rawValue), message: message)
        }
    }
}
