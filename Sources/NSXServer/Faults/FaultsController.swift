/// `/__faults`, present only with `--enable-fault-injection`: queue, list and clear faults.
struct FaultsController {
    let queue: FaultQueue

    func register(on routes: inout RouteTable) {
        let queue = queue
        routes.add(.post, "/__faults", Endpoint(access: .open, work: .custom { call in
            let rule = try FaultRule.parse(call.body)
            queue.enqueue(rule)
            return Reply(.created, .object(["queued": .int(rule.remaining)]))
        }))
        routes.add(.get, "/__faults", Endpoint(access: .open, work: .custom { _ in
            Reply(.ok, .array(queue.queued.map(\.json)))
        }))
        routes.add(.delete, "/__faults", Endpoint(access: .open, work: .custom { _ in
            Reply(.ok, .object(["cleared": .int(queue.clear())]))
        }))
    }
}
