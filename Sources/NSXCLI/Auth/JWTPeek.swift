import NSXJSON
import NSXTime

/// Reads the `exp` claim of a JWT without verifying it: only to warn and refresh in time;
/// the server is the judge of validity. The payload is JSON, read by NSXJSON like every
/// other document nsx reads.
enum JWTPeek {
    static func expiry(of jwt: String) -> Timestamp? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(parts[1]),
              let claims = try? JSONValue.parse(payload), let exp = claims["exp"]?.doubleValue,
              exp.isFinite, abs(exp) < 1e15 else { return nil }
        let whole = exp.rounded(.down)
        return Timestamp(seconds: Int(whole), nanoseconds: Int((exp - whole) * 1e9))
    }
}
