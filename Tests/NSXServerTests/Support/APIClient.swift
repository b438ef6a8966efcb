import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NSXJSON
@testable import NSXServer

/// A decoded API response.
struct APIResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let text: String

    var json: JSONValue? { (try? JSONValue.parse(text)) }
    var object: JSONObject { json?.objectValue ?? JSONObject() }
    var data: JSONValue { object["data"] ?? .null }
    var dataObject: JSONObject { data.objectValue ?? JSONObject() }
    var items: [JSONObject] { (data.arrayValue ?? []).compactMap(\.objectValue) }
    var meta: JSONObject { object["meta"]?.objectValue ?? JSONObject() }
    var error: JSONObject { object["error"]?.objectValue ?? JSONObject() }
    var errorCode: String? { error["code"]?.stringValue }
    var errorMessage: String? { error["message"]?.stringValue }
    var detailFields: [String] { (error["details"]?.arrayValue ?? []).compactMap { $0.objectValue?["field"]?.stringValue } }

    subscript(key: String) -> String? { dataObject[key]?.stringValue }

    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
}

/// Sends JSON requests to an application under test.
struct APIClient: Sendable {
    typealias Transport = @Sendable (String, HTTPRequest.Method, HTTPFields, ByteBuffer?) async throws -> (HTTPResponse.Status, HTTPFields, ByteBuffer)

    let transport: Transport

    /// Through HummingbirdTesting's client for the application.
    init(client: any TestClientProtocol) {
        transport = { uri, method, headers, body in
            let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
            return (response.status, response.headers, response.body)
        }
    }

    /// Over a new TCP connection per request, to a live server on `port`.
    init(port: Int) {
        transport = { uri, method, headers, body in
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                let response = try await client.execute(TestClient.Request(uri, method: method, headers: headers, body: body))
                return (response.status, response.headers, response.body ?? ByteBuffer())
            }
        }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, json: JSONValue? = nil, raw: [UInt8]? = nil,
              token: String? = nil, headers: [String: String] = [:]) async throws -> APIResponse {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(string: json.serialized())
        } else if let raw {
            body = ByteBuffer(bytes: raw)
        }
        if body != nil { fields[.contentType] = "application/json" }
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        let (status, responseHeaders, responseBody) = try await transport(path, method, fields, body)
        return APIResponse(status: Int(status.code), headers: responseHeaders, text: String(buffer: responseBody))
    }

    func get(_ path: String, token: String?, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.get, path, token: token, headers: headers)
    }

    func post(_ path: String, _ json: JSONValue? = nil, token: String?, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.post, path, json: json, token: token, headers: headers)
    }

    func patch(_ path: String, _ json: JSONValue, token: String?, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.patch, path, json: json, token: token, headers: headers)
    }

    func delete(_ path: String, token: String?, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.delete, path, token: token, headers: headers)
    }
}
