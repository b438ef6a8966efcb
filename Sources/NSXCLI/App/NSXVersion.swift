public enum NSXVersion {
    public static let current = "0.1.0"
}
