/// One token found in a run of bytes: where it is and its public part only. The secret body
/// is never copied out of the bytes searched, so nothing downstream can print it.
public struct TokenMatch: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column in bytes from the start of the line (as ripgrep's `--column` and an
    /// editor's `file:line:col` jump take it; in ASCII text, also in characters).
    public var column: Int
    public var environment: TokenEnvironment
    /// `nsx_live_TLdH`: the type prefix and the first 4 body characters, which is what the
    /// API's token object calls `prefix`.
    public var prefix: String

    public init(line: Int, column: Int, environment: TokenEnvironment, prefix: String) {
        self.line = line
        self.column = column
        self.environment = environment
        self.prefix = prefix
    }
}
