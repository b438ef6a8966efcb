import NSXJSON
import NSXOutput

/// `nsx api PATH --paginate`: follows `meta.next_cursor`, writing every page's `data` as it
/// arrives into one JSON array (or NDJSON lines with `-o ndjson`).
struct APIPaginator {
    let client: APIClient
    let options: API.Options

    func run() throws(CLIError) {
        let streams = options.streams
        var query = options.query
        let pathHasLimit = options.path.split(separator: "?", maxSplits: 1).dropFirst().first?
            .split(separator: "&").contains { $0.hasPrefix("limit=") } ?? false
        if !pathHasLimit && !query.contains(where: { $0.0 == "limit" }) { query.append(("limit", "100")) }

        var format = OutputOptions()
        format.format = options.format == .ndjson ? .ndjson : .json
        format.terminal = streams.stdoutIsTerminal
        let writer = ListWriter(options: format, columns: [], sink: streams.out)
        let output = APIResponseOutput(streams: streams)
        var cursor: String?
        var pages = 0
        while true {
            let response = try client.send("GET", options.path, query: query + (cursor.map { [("cursor", $0)] } ?? []),
                                           headers: options.headers)
            guard (200..<300).contains(response.status) else {
                if pages == 0 { output.writeBody(response.body) }
                try output.check(response)
                return
            }
            pages += 1
            guard let envelope = try? JSONValue.parse(response.body), case .array(let items)? = envelope["data"] else {
                throw .usage("--paginate needs a list: GET \(options.path) answered without a data array")
            }
            writer.write(items)
            guard envelope["meta"]?["has_more"]?.boolValue ?? false,
                  let next = envelope["meta"]?["next_cursor"]?.stringValue, !next.isEmpty else { break }
            cursor = next
        }
        writer.finish()
    }
}
