import Foundation
import HTTPTypes
import Hummingbird
import NSXJSON

/// The parts of a request read before the credential is looked at, each failing with the
/// status the contract puts first: 413 for size, then 400 for anything malformed.
enum RequestInput {
    static let maxBodySize = 1 << 20

    static func readBody(_ request: Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            throw APIError.payloadTooLarge
        }
        do {
            let buffer = try await request.body.collect(upTo: maxBodySize)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge
        }
    }

    /// How deeply a request body may nest; no request of the API needs more than three levels.
    static let maxBodyDepth = 64

    /// An empty body is no body; anything else must be a JSON object. Parsing costs time in
    /// proportion to the body's size, whatever its shape (NSXJSON).
    static func parseBody(_ bytes: [UInt8]) throws(APIError) -> JSONObject? {
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        guard let json = try? JSONValue.parse(bytes, maxDepth: maxBodyDepth) else { throw .badRequest("Request body is not valid JSON") }
        guard case .object(let object) = json else { throw .badRequest("Request body must be a JSON object") }
        return object
    }

    static let environmentHeader = HTTPField.Name("Nurosentrix-Environment")!
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!

    static func environment(_ headers: HTTPFields) throws(APIError) -> APIEnvironment? {
        guard let value = headers[environmentHeader] else { return nil }
        guard let environment = APIEnvironment(rawValue: value.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw .badRequest("Nurosentrix-Environment must be live or test",
                              details: [FieldIssue("Nurosentrix-Environment", "must be live or test")])
        }
        return environment
    }

    static func idempotencyKey(_ headers: HTTPFields) throws(APIError) -> String? {
        guard let value = headers[idempotencyHeader] else { return nil }
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("Idempotency-Key must be 1-255 visible ASCII characters",
                              details: [FieldIssue("Idempotency-Key", "must be 1-255 visible ASCII characters")])
        }
        return value
    }
}
