import Foundation

/// A man in the middle in front of a real `nsx-server`: it forwards every request and changes
/// the answers as a hostile or an older server would — headers set on every response, string
/// values in JSON bodies replaced, and routes answered as a server that lacks them answers
/// (404 `No route for …`). Runs as a Python process (python3 is installed by
/// scripts/install-deps) on a free loopback port.
final class RewritingProxy: @unchecked Sendable {
    struct Rules {
        /// Set on every response (replacing the server's value).
        var headers: [String: String] = [:]
        /// In JSON bodies, every string `from` under the key `key` becomes `to`.
        var replacements: [(key: String, from: String, to: String)] = []
        /// Paths (without query) this server does not have: any method gets a 404.
        var missingRoutes: [String] = []

        var json: String {
            let object: [String: Any] = [
                "headers": headers,
                "replacements": replacements.map { [$0.key, $0.from, $0.to] },
                "missing": missingRoutes,
            ]
            return String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    let url: String
    private let process: Process

    init(upstream: TestServer, rules: Rules) throws {
        let script = #"""
import http.client, http.server, json, signal, sys, urllib.parse
# The test runner blocks signals its children inherit; unblocked, SIGTERM (stop()) ends us.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
upstream = urllib.parse.urlparse(sys.argv[1])
rules = json.loads(sys.argv[2])

def rewrite(value):
    if isinstance(value, dict):
        for key, item in value.items():
            for rule_key, old, new in rules["replacements"]:
                if key == rule_key and item == old:
                    value[key] = item = new
            rewrite(item)
    elif isinstance(value, list):
        for item in value:
            rewrite(item)

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        path = self.path.split("?")[0]
        if path in rules["missing"]:
            status, headers = 404, [("Content-Type", "application/json"), ("X-Request-Id", "req_proxy0000000")]
            data = json.dumps({"success": False, "error": {"code": "NOT_FOUND", "message": "No route for %s %s" % (self.command, path)}}).encode()
        else:
            connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
            sent = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "accept-encoding")}
            connection.request(self.command, self.path, body=body, headers=sent)
            answer = connection.getresponse()
            status, data = answer.status, answer.read()
            headers = [(k, v) for k, v in answer.getheaders() if k.lower() not in ("content-length", "transfer-encoding", "connection")]
            connection.close()
            if data and rules["replacements"]:
                try:
                    parsed = json.loads(data)
                    rewrite(parsed)
                    data = json.dumps(parsed).encode()
                except ValueError:
                    pass
        overrides = {k.lower(): (k, v) for k, v in rules["headers"].items()}
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in overrides:
                self.send_header(name, value)
        for name, value in overrides.values():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = forward

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("proxy listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
"""#
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, upstream.url, rules.json]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var bytes = Data()
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
        }
        let line = String(decoding: bytes, as: UTF8.self)
        guard let range = line.range(of: "listening on ") else {
            process.terminate()
            throw HarnessError.serverDidNotStart("proxy: " + line)
        }
        url = String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
