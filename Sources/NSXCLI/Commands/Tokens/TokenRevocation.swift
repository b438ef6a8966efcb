import NSXJSON
import NSXOutput
import NSXTokenScan

/// `tokens scan --revoke`: revokes the active tokens the hits matched, after a question that
/// names each with where it was found. The credential nsx is using goes last (after it,
/// nothing else could be revoked), and a revoked token leaves the profiles that stored it,
/// as `tokens revoke` does.
struct TokenRevocation {
    let invocation: Invocation
    let client: APIClient

    /// How many tokens were to be revoked, and what went wrong (each also said on stderr).
    struct Outcome {
        var attempted = 0
        var failures: [CLIError] = []
    }

    /// Revokes them and marks them revoked in `owners`.
    func revokeActive(among hits: [TokenHit], owners: inout ScanOwners) throws(CLIError) -> Outcome {
        let printer = Printer(factory: invocation.factory)
        var targets: [(owner: ScanOwners.Owner, prefix: String, places: [String])] = []
        for hit in hits {
            for owner in owners.owners(of: hit) where owner.status == "active" {
                let place = "\(hit.file):\(hit.line):\(hit.column)"
                if let index = targets.firstIndex(where: { $0.owner.id == owner.id }) {
                    targets[index].places.append(place)
                } else {
                    targets.append((owner, hit.prefix, [place]))
                }
            }
        }
        guard !targets.isEmpty else {
            printer.note("None of the hits is an active token of yours: nothing to revoke.")
            return Outcome()
        }
        if !invocation.globals.assumeYes {
            invocation.streams.warn("These tokens stop working at once:")
            for target in targets {
                let places = target.places.map(terminalSafe).joined(separator: ", ")
                invocation.streams.warn("  \(terminalSafe(target.owner.name)) (\(target.prefix), \(target.owner.id)), found in \(places)")
            }
            try Confirmation.require("Revoke \(targets.count == 1 ? "this token" : "these \(targets.count) tokens")?",
                                     action: "nsx tokens scan --revoke", invocation: invocation)
        }

        let current = CurrentCredential.describe(client, needs: [.tokenID])
        let ordered = targets.filter { $0.owner.id != current?.tokenID } + targets.filter { $0.owner.id == current?.tokenID }
        var outcome = Outcome(attempted: ordered.count)
        for target in ordered {
            let id = target.owner.id
            let label = "\(terminalSafe(target.owner.name)) (\(id))"
            do {
                _ = try client.delete(ResourceKind.token.itemPath(id))
            } catch {
                outcome.failures.append(error)
                invocation.streams.warn("\(printer.style.crossMark) \(label): \(terminalSafe(ErrorPresenter.present(error).message))")
                continue
            }
            owners.markRevoked(id)
            printer.note("\(printer.style.checkMark) Revoked token \(label)")
            if id == current?.tokenID, current?.source == .env {
                invocation.streams.warn("\(printer.style.yellow("warning:")) NSX_TOKEN holds \(label), which is now revoked; unset NSX_TOKEN or set it to another token.")
            }
            TokenProfiles(factory: invocation.factory).forget(
                id, label: label, apiURL: client.baseURL,
                inUseProfile: current?.tokenID == id && current?.source != .env ? invocation.globals.profile : nil)
        }
        return outcome
    }
}
