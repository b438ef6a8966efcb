#if canImport(Glibc)
import Glibc
#endif
import NSXConfig
import NSXHTTP
import NSXKeyring
import NSXTime

/// The checks of `nsx doctor`, each a plain function of what the factory hands out.
/// None of them writes anything or renews a session.
struct DoctorChecks {
    typealias Check = Doctor.Check

    let factory: Factory
    /// How far the server's clock may be from ours before expiry times mislead.
    static let clockTolerance: Duration = .seconds(60)

    private func now() -> Timestamp { factory.clock.now() }
    /// Fixes name the profile in use.
    private var commands: CommandSuggestions { factory.globals.suggestions }

    func all() -> [Check] {
        var checks = [configFolder()]
        let resolved = credential()
        checks.append(secretService(credential: resolved.credential))
        checks.append(resolved.check)
        let (reachability, response) = api()
        checks.append(reachability)
        checks.append(clock(response))
        if let credential = resolved.credential {
            checks += validity(credential, apiReachable: response != nil)
        }
        return checks
    }

    // MARK: Config folder

    func configFolder() -> Check {
        let name = "Config folder"
        let location = factory.configLocation
        var status = stat()
        guard stat(location.folder, &status) == 0 else {
            return .ok(name, "\(location.folder) does not exist yet; nsx creates it (mode 0700) at the first login")
        }
        let problems = factory.config.permissionProblems()
        if !problems.isEmpty {
            return .failed(name, problems.joined(separator: "; "),
                           fix: "chmod 700 \(location.folder) && chmod 600 \(location.folder)/*")
        }
        do {
            _ = try factory.config.load()
        } catch {
            return .failed(name, "\(error)", fix: "Repair \(location.configFile), or move it away and log in again")
        }
        return .ok(name, "\(location.folder) (0700), its files 0600, config.json readable")
    }

    // MARK: Secret Service

    /// A harmless read of the active profile's item tells reachable and unlocked apart from
    /// the failures; it only counts when the keyring is what nsx needs.
    func secretService(credential: Credential?) -> Check {
        let name = "Secret Service"
        let profile = factory.globals.profile
        let facts = try? factory.profileFacts()
        let apiURL = facts?.apiURL ?? ((try? factory.apiURL()).map(APIURL.normalized) ?? GlobalOptions.defaultAPIURL)
        let notNeeded: String? = if credential?.source == .env {
            "NSX_TOKEN is used"
        } else if facts?.storage == .file {
            "profile \(profile) keeps its secret in the credentials file (--insecure-storage)"
        } else {
            nil
        }
        do {
            _ = try factory.keyring.read(SecretKey(profile: profile, apiURL: apiURL))
            return .ok(name, "reachable and unlocked")
        } catch {
            let problem = ErrorPresenter.presentKeyring(error, storing: false).message
            if let notNeeded { return .skipped(name, "\(problem) (not needed: \(notNeeded))") }
            let fix = switch error {
            case .locked: "Unlock the login keyring (log in to the desktop session, or use seahorse), or set NSX_TOKEN"
            case .timedOut: "Check that gnome-keyring-daemon is running and not waiting on a prompt"
            case .noSecretService, .failed:
                "Run nsx in a desktop session with gnome-keyring (a D-Bus session bus), set NSX_TOKEN, or log in with --insecure-storage"
            }
            return .failed(name, problem, fix: fix)
        }
    }

    // MARK: Credential

    func credential() -> (credential: Credential?, check: Check) {
        let name = "Credential"
        let profile = factory.globals.profile
        do {
            guard let credential = try CredentialResolver(factory: factory).resolve(now: now()) else {
                return (nil, .failed(name, "no login for profile \(profile), and NSX_TOKEN is not set",
                                     fix: "Run `\(commands.nsx("login"))` (or `\(commands.nsx("login --with-token"))`), or set NSX_TOKEN"))
            }
            let kind = credential.kind == .session ? "session" : "API token"
            let detail: String = switch credential.source {
            case .env: "\(kind) from NSX_TOKEN\(credential.kind == .apiToken ? " (\(credential.secret.prefix(TokenFormat.livePrefix.count + 4))…)" : "")"
            case .keyring: "\(kind) of profile \(profile) in the keyring"
            case .file: "\(kind) of profile \(profile) in the credentials file"
            }
            return (credential, .ok(name, detail))
        } catch {
            let presentation = ErrorPresenter.present(error, context: .init(suggestions: commands))
            return (nil, .failed(name, presentation.message, fix: presentation.hints.first ?? "Run `\(commands.nsx("login"))`"))
        }
    }

    // MARK: API

    /// One unauthenticated request: any HTTP answer proves the API is there (a 401 included).
    func api() -> (Check, HTTPResponse?) {
        let name = "API"
        let url: String
        do {
            url = APIURL.normalized(try factory.apiURL())
        } catch {
            return (.failed(name, ErrorPresenter.present(error).message, fix: nil), nil)
        }
        if let problem = APIURL.problem(with: url) {
            return (.failed(name, "\(url): \(problem.reason)", fix: problem.hint), nil)
        }
        do {
            let client = APIClient(baseURL: url, http: try factory.httpClient(), credential: nil, testEnvironment: false)
            let response = try client.send("GET", "/api/v1/me")
            return (.ok(name, "\(url) answered in \(response.elapsed.wholeMilliseconds) ms"), response)
        } catch {
            let presentation = ErrorPresenter.present(error)
            let fix = presentation.hints.first ?? "Check --api-url / NSX_API_URL, the network and HTTPS_PROXY"
            return (.failed(name, "\(url): \(presentation.message)", fix: fix), nil)
        }
    }

    // MARK: Clock

    func clock(_ response: HTTPResponse?) -> Check {
        let name = "Clock"
        guard let response else { return .skipped(name, "not checked: the API did not answer") }
        guard let header = response.header("Date"), let serverTime = Timestamp(httpDate: header) else {
            return .skipped(name, "not checked: the server sent no readable Date header")
        }
        let skew = now() - serverTime
        let seconds = Int(abs(skew.inSeconds).rounded())
        if abs(skew.inSeconds) > Self.clockTolerance.inSeconds {
            let direction = skew > .zero ? "ahead of" : "behind"
            return .failed(name, "this machine's clock is \(RelativeTime.spoken(seconds: seconds)) \(direction) the server's; expiry times will be off",
                           fix: "Synchronise the clock (e.g. `timedatectl set-ntp true`)")
        }
        return .ok(name, seconds <= 1 ? "in step with the server" : "within \(seconds) seconds of the server")
    }

    // MARK: Validity and expiry

    func validity(_ credential: Credential, apiReachable: Bool) -> [Check] {
        let name = "Valid", expiryName = "Expiry"
        guard apiReachable else { return [.skipped(name, "not checked: the API did not answer")] }
        let identity: Identity?
        do {
            let client = APIClient(baseURL: credential.facts?.apiURL ?? APIURL.normalized((try? factory.apiURL()) ?? ""),
                                   http: try factory.httpClient(), credential: credential,
                                   testEnvironment: factory.globals.testEnvironment)
            identity = try Identity.fetch(client)
        } catch {
            let presentation = ErrorPresenter.present(error, context: .init(suggestions: commands))
            let fix = presentation.exitCode == .notAuthenticated ? "Run `\(commands.nsx("login"))` (or replace NSX_TOKEN)" : presentation.hints.first
            return [.failed(name, "the server refused the credential: \(presentation.message)", fix: fix)]
        }
        guard let identity else {
            var checks: [Check] = [.skipped(name, "not checked: this server does not support /api/v1/me")]
            if let expiry = credential.sessionExpiry?.rfc3339 ?? credential.facts?.expiresAt {
                checks.append(expiryCheck(expiryName, expiresAt: expiry, kind: credential.kind, tokenID: credential.facts?.tokenID))
            }
            return checks
        }
        let type = identity.type == .session ? "session" : "API token \(identity.token?.name ?? "")".trimmingWhitespace()
        let permissions = identity.permissions.isEmpty ? "no permissions" : Permission.compact(identity.permissions)
        return [
            .ok(name, "\(identity.userDescription), \(type), \(identity.environment.rawValue.uppercased()), \(permissions)"),
            expiryCheck(expiryName, expiresAt: identity.expiresAt, kind: identity.type, tokenID: identity.token?.id),
        ]
    }

    func expiryCheck(_ name: String, expiresAt: String?, kind: Credential.Kind, tokenID: String?) -> Check {
        let expiry = AuthText.expiry(expiresAt, kind: kind, now: now())
        guard expiry.warn else {
            let note = kind == .session ? "; renewed automatically in its last hour" : ""
            return .ok(name, (expiresAt == nil ? "never expires" : "expires \(expiry.text)") + note)
        }
        let fix = kind == .session
            ? "Run `\(commands.nsx("auth refresh"))`, or `\(commands.nsx("login"))`"
            : "Replace it: `\(commands.nsx("tokens rotate \(tokenID ?? "ID")"))`"
        return .failed(name, expiry.expired ? expiry.text : "expires \(expiry.text)", fix: fix)
    }
}
