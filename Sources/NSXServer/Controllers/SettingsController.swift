import Foundation
import GRDB

/// `/api/v1/settings`: one settings object per account, shared by its live and test environments.
struct SettingsController {
    func register(on routes: inout RouteTable) {
        routes.get("/api/v1/settings", .credential(.settingsRead)) { call, db in
            Reply(.ok, try Self.user(call, db).settingsJSON)
        }
        routes.patch("/api/v1/settings", .credential(.settingsWrite)) { call, db in
            var user = try Self.user(call, db)
            var fields = call.fields
            fields.allowOnly(["name", "timezone", "default_region", "notifications"], readOnly: ["email", "account_id"])
            if let name = fields.string("name", .length(1...100)) { user.name = name }
            if let timezone = fields.string("timezone", Self.timezoneRule) { user.timezone = timezone }
            if let region = fields.string("default_region", .oneOf(Server.regions)) { user.defaultRegion = region }
            Self.mergeNotifications(&fields, into: &user)
            try fields.finish()
            try UsersTable(db: db).update(user)
            return Reply(.ok, user.settingsJSON)
        }
    }

    private static func user(_ call: Call, _ db: Database) throws -> User {
        guard let user = try UsersTable(db: db).find(id: call.principal.userID) else { throw APIError.unauthorized }
        return user
    }

    static let timezoneRule = StringRule { text in
        TimeZone(identifier: text) != nil && !text.isEmpty ? nil : "must be an IANA time zone such as Europe/Berlin"
    }

    private static func mergeNotifications(_ fields: inout FieldReader, into user: inout User) {
        guard let value = fields.object["notifications"] else { return }
        guard case .object(let patch) = value else {
            fields.fail("notifications", "must be an object")
            return
        }
        for (key, item) in patch {
            let field = "notifications.\(key)"
            switch (key, item) {
            case ("email", .bool(let enabled)):
                user.notifyByEmail = enabled
            case ("email", _):
                fields.fail(field, "must be true or false")
            case ("webhook_url", .null):
                user.webhookURL = nil
            case ("webhook_url", .string(let text)):
                if let url = URL(string: text), url.scheme == "https", let host = url.host, !host.isEmpty, text.utf8.count <= 2048 {
                    user.webhookURL = text
                } else {
                    fields.fail(field, "must be an https URL or null")
                }
            case ("webhook_url", _):
                fields.fail(field, "must be an https URL or null")
            default:
                fields.fail(field, "is not a known field")
            }
        }
    }
}
