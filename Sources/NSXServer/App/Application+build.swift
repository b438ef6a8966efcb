import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// Builds the server for a configuration: opens storage, seeds accounts, wires the router.
/// Tests call this directly and drive the result with HummingbirdTesting.
public func buildApplication(_ configuration: ServerConfiguration) throws -> some ApplicationProtocol {
    let folder: DataFolder? = switch configuration.storage {
    case .file(let path): try DataFolder(databasePath: path)
    case .memory: nil
    }
    let keys = try ServerKeys.load(folder: folder)
    let store = try Store(location: configuration.storage)
    let services = try AppServices(store: store, clock: configuration.clock, keys: keys, configuration: configuration)
    var users = configuration.users
    for path in configuration.usersFiles { users += try UsersFile.load(path) }
    try Seeder.seed(users: users, demo: configuration.demo, store: store,
                    hasher: services.passwordHasher, now: Int(configuration.clock.now()))
    let router = buildRouter(services: services,
                             faults: configuration.faultInjection ? FaultQueue() : nil,
                             log: RequestLog(enabled: configuration.logRequests))

    var logger = Logger(label: "nsx-server")
    logger.logLevel = .error
    let host = configuration.host
    let limits = configuration.connectionLimits
    let gate = ConnectionGate(limit: limits.maxConnections)
    return Application(
        router: router,
        server: HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits, gate: gate) },
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            FileHandle.standardOutput.write(Data("nsx-server listening on http://\(host):\(port)\n".utf8))
        },
        logger: logger
    )
}

/// Every route of the contract (and `/__faults` when `faults` is given), behind the
/// request-id/log/envelope layer and, with faults, the fault injector.
func buildRouter(services: AppServices, faults: FaultQueue?, log: RequestLog) -> Router<APIContext> {
    let router = Router(context: APIContext.self)
    router.add(middleware: RequestFrameMiddleware(log: log))
    if let faults { router.add(middleware: FaultInjectionMiddleware(queue: faults)) }

    var routes = RouteTable(router: router, services: services)
    AuthController().register(on: &routes)
    MeController().register(on: &routes)
    TokensController().register(on: &routes)
    ServersController().register(on: &routes)
    InstancesController().register(on: &routes)
    BackupsController().register(on: &routes)
    SettingsController().register(on: &routes)
    if let faults { FaultsController(queue: faults).register(on: &routes) }
    routes.finish()
    return router
}
