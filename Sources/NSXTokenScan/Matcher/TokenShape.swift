/// Which environment a token acts in, read from its type prefix.
public enum TokenEnvironment: String, Sendable, CaseIterable, Comparable {
    case live, test

    public static func < (a: TokenEnvironment, b: TokenEnvironment) -> Bool { a.rawValue < b.rawValue }
}

/// The shape of an API token (docs/openapi.yaml): `nsx_live_` or `nsx_test_`, then exactly
/// 32 characters of `[A-Za-z0-9]`.
///
/// Boundaries are gitleaks's `\b` (ASCII word characters `[A-Za-z0-9_]`), on both sides:
/// a token is not the tail of a longer word (`xnsx_live_…`, `my_nsx_live_…`), and a body
/// followed by another word character (`…{33}`, `…{32}_old`) is not a token. gitleaks ends
/// its prefixed rules with a closed list of terminators (quote, backtick, blank, `;`, `\n`);
/// any non-word byte ends a token here, so `TOKEN=nsx_live_…&x=1` and `(nsx_live_…)` are
/// found too. Bytes from 0x80 up are not word characters, as in RE2's ASCII `\b`.
enum TokenShape {
    static let typePrefixLength = 9
    static let bodyLength = 32
    static let length = typePrefixLength + bodyLength
    /// What the API's token object calls `prefix`: the type prefix and 4 body characters.
    static let publicPrefixLength = typePrefixLength + 4

    /// `x` is the rarest byte of `nsx_` in text, so the search skips with `memchr` for it
    /// and looks around each one; `x` sits at this offset into a token.
    static let rareByte = UInt8(ascii: "x")
    static let rareByteOffset = 2

    @inline(__always)
    static func isBase62(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): true
        default: false
        }
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool { isBase62(byte) || byte == UInt8(ascii: "_") }
}
