extension String {
    /// Every byte is printable ASCII (space to `~`): nothing to escape, one terminal column a
    /// byte. Most of what a table shows is, and this cheap test lets it skip the Unicode work.
    var isPrintableASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(Self.isPrintableASCIIByte) }
            ?? utf8.allSatisfy(Self.isPrintableASCIIByte)
    }

    private static func isPrintableASCIIByte(_ byte: UInt8) -> Bool { byte &- 0x20 < 0x5F }
}
