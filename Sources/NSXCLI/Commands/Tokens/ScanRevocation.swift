import NSXOutput
import NSXTokenScan

/// `tokens scan --revoke`: revokes the active tokens the hits matched, after a question that
/// names each with where it was found. Each one is revoked as `tokens revoke` does it
/// (`TokenRevoker`): the credential nsx is using last, and out of the profiles that stored it.
struct ScanRevocation {
    let revoker: TokenRevoker
    let confirmation: Confirmation

    /// How many tokens were to be revoked, and what went wrong (each also said on stderr).
    struct Outcome {
        var attempted = 0
        var failures: [CLIError] = []
    }

    /// A token to revoke, with its public prefix and the places it was found.
    private struct Target {
        var owner: ScanOwners.Owner
        var prefix: String
        var places: [String]
    }

    /// Revokes them and marks them revoked in `owners`.
    func revokeActive(among hits: [TokenHit], owners: inout ScanOwners) throws(CLIError) -> Outcome {
        let printer = revoker.printer
        let streams = printer.streams
        var targets: [Target] = []
        for hit in hits {
            for owner in owners.owners(of: hit) where owner.status == "active" {
                let place = "\(hit.file):\(hit.line):\(hit.column)"
                if let index = targets.firstIndex(where: { $0.owner.id == owner.id }) {
                    targets[index].places.append(place)
                } else {
                    targets.append(Target(owner: owner, prefix: hit.prefix, places: [place]))
                }
            }
        }
        guard !targets.isEmpty else {
            printer.note("None of the hits is an active token of yours: nothing to revoke.")
            return Outcome()
        }
        if !confirmation.assumeYes {
            streams.warn("These tokens stop working at once:")
            for target in targets {
                let places = target.places.map(terminalSafe).joined(separator: ", ")
                streams.warn("  \(terminalSafe(target.owner.name)) (\(target.prefix), \(target.owner.id)), found in \(places)")
            }
            try confirmation.require("Revoke \(targets.count == 1 ? "this token" : "these \(targets.count) tokens")?",
                                     action: "nsx tokens scan --revoke")
        }

        var outcome = Outcome(attempted: targets.count)
        for target in revoker.inUseLast(targets, id: { $0.owner.id }) {
            let id = target.owner.id
            // Raw: StyledText and noteDone make it safe for a terminal.
            let label = "\(target.owner.name) (\(id))"
            do {
                _ = try revoker.revoke(id)
            } catch {
                outcome.failures.append(error)
                streams.warn((StyledText.mark("✗", .red) + StyledText(" \(label): \(ErrorPresenter.present(error).message)"))
                    .rendered(streams.errStyle))
                continue
            }
            owners.markRevoked(id)
            printer.noteDone("Revoked token \(label)")
        }
        return outcome
    }
}
