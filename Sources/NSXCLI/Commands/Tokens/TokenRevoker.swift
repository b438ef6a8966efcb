import NSXJSON

/// The one way nsx revokes a token (`tokens revoke`, `tokens scan --revoke`): the DELETE,
/// then what must follow it — a warning when NSX_TOKEN holds the token, and the token
/// dropped from every profile that stored it. The credential nsx is using is known up
/// front, so callers can revoke it last (after it, nothing else could be revoked).
struct TokenRevoker {
    let client: APIClient
    let profiles: TokenProfiles
    let printer: Printer
    /// The credential nsx is using, as far as it is known.
    let current: CurrentCredential?

    init(client: APIClient, profiles: TokenProfiles, printer: Printer) {
        self.client = client
        self.profiles = profiles
        self.printer = printer
        current = CurrentCredential.describe(client, needs: [.tokenID])
    }

    /// Whether token `id` is the credential nsx is using.
    func isInUse(_ id: String?) -> Bool {
        id != nil && id == current?.tokenID
    }

    /// `items` in order, except that the one whose token is in use goes last.
    func inUseLast<Item>(_ items: [Item], id: (Item) -> String?) -> [Item] {
        items.filter { !isInUse(id($0)) } + items.filter { isInUse(id($0)) }
    }

    /// Revokes token `id`; returns the token object as the API answered.
    func revoke(_ id: String) throws(CLIError) -> JSONValue {
        let revoked = try client.delete(ResourceKind.token.itemPath(id)).data
        // A DELETE retried after a lost answer comes back empty: the token is revoked all the same.
        let result: JSONValue = revoked.isNull ? .object(JSONObject([("id", .string(id))])) : revoked
        let label = NewTokenOutput.label(result)
        let inUse = isInUse(id)
        if inUse, current?.source == .env {
            printer.warn("NSX_TOKEN holds \(label), which is now revoked; unset NSX_TOKEN or set it to another token.")
        }
        profiles.forget(id, label: label, apiURL: client.baseURL,
                        inUseProfile: inUse && current?.source != .env ? profiles.activeProfile : nil)
        return result
    }
}
