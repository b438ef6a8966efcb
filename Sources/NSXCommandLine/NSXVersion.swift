/// The release of this package: what `nsx --version` and `nsx-server --version` both report
/// (the parser offers `--version` at every root), so the two programs cannot disagree.
public enum NSXVersion {
    public static let current = "0.1.0"
}
