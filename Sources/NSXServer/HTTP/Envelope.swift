import HTTPTypes
import Hummingbird
import NSXJSON

/// The JSON envelope every response is wrapped in, and the one place errors become bodies.
enum Envelope {
    static func body(for reply: Reply) -> [UInt8] {
        var object: JSONObject = ["success": .bool(true), "data": reply.data]
        if let meta = reply.meta { object["meta"] = meta }
        return JSONValue.object(object).serializedBytes()
    }

    static func body(for error: APIError) -> [UInt8] {
        var detail: JSONObject = ["code": .string(error.code), "message": .string(error.message)]
        if !error.details.isEmpty {
            detail["details"] = .array(error.details.map { .object(["field": .string($0.field), "message": .string($0.message)]) })
        }
        return JSONValue.object(["success": .bool(false), "error": .object(detail)]).serializedBytes()
    }

    static func response(status: HTTPResponse.Status, body: some Collection<UInt8>, headers: [(name: String, value: String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for header in headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func response(for error: APIError, headers: [(name: String, value: String)] = []) -> Response {
        response(status: error.status, body: body(for: error), headers: headers + error.headers)
    }
}
