/// Everything handlers share: storage, time, credentials, limits and settings.
final class AppServices: Sendable {
    let store: Store
    let clock: any ServerClock
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let loginThrottle = LoginThrottle()
    let transitions: TransitionScheduler
    let passwordHasher: PasswordHasher
    /// Seconds a timed transition takes.
    let actionDelay: Double

    init(store: Store, clock: any ServerClock, jwt: SessionJWT, configuration: ServerConfiguration) throws {
        self.store = store
        self.clock = clock
        self.authenticator = Authenticator(store: store, clock: clock, jwt: jwt)
        self.rateLimiter = RateLimiter(limit: configuration.rateLimit)
        self.transitions = try TransitionScheduler(store: store)
        self.passwordHasher = PasswordHasher(iterations: configuration.passwordIterations)
        self.actionDelay = configuration.actionDelay
    }

    /// In-memory consequences of a committed transaction.
    func apply(_ effects: [Reply.Effect]) {
        for effect in effects {
            switch effect {
            case .tokenRevoked(let hash): authenticator.tokenRevoked(secretHash: hash)
            case .sessionEnded(let id): authenticator.sessionEnded(id: id)
            case .transitionScheduled(let deadline): transitions.scheduled(at: deadline)
            }
        }
    }
}
