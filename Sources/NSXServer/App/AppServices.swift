/// Everything handlers share: storage, time, credentials, limits and settings.
final class AppServices: Sendable {
    let store: Store
    let clock: any ServerClock
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let loginThrottle = LoginThrottle()
    let transitions: TransitionScheduler
    let passwordHasher: PasswordHasher
    let passwordWorkers: PasswordWorkers
    let replaySeal: ReplaySeal
    /// Seconds a timed transition takes.
    let actionDelay: Double

    init(store: Store, clock: any ServerClock, keys: ServerKeys, configuration: ServerConfiguration) throws {
        self.store = store
        self.clock = clock
        self.authenticator = Authenticator(store: store, clock: clock, jwt: SessionJWT(keyBytes: keys.signingKey))
        self.rateLimiter = RateLimiter(limit: configuration.rateLimit)
        self.transitions = try TransitionScheduler(store: store)
        self.passwordHasher = PasswordHasher(iterations: configuration.passwordIterations)
        self.passwordWorkers = configuration.passwordWorkers
        self.replaySeal = ReplaySeal(pepper: keys.idempotencyPepper)
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
