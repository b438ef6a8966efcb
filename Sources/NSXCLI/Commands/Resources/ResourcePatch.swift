import NSXJSON

/// What an `update` was told: which resource (ID or name) and the JSON merge patch to send.
struct ResourcePatch {
    var word: String
    var patch: JSONObject
}
