#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans files and directory trees for tokens, on a few worker threads.
///
/// The walk:
/// - skips `.git`; inside a git work tree, looks only at what git would (GitWorkTree);
/// - never follows a symbolic link it meets (ripgrep's and git's default), so a link to `/`
///   or anywhere else outside the tree is never walked, and a link loop cannot happen; a
///   link named as a PATH argument is followed, since the user asked for it;
/// - skips binary files (FileReader) unless asked, except files named as PATH arguments;
/// - reports what it could not read as warnings and goes on.
public enum TokenScanner {
    /// The name standard input gets in hits (`-` as a PATH).
    public static let standardInputName = "(standard input)"

    /// - Parameter paths: files and directories; none means the current directory; `-` is
    ///   standard input. A path that does not exist is an error before anything is read.
    public static func scan(_ paths: [String], options: ScanOptions = ScanOptions()) throws(ScanError) -> ScanReport {
        var report = ScanReport()
        var roots: [WorkQueue.Item] = []
        var readStandardInput = false
        for text in paths.isEmpty ? [""] : paths {
            if text == "-" {
                readStandardInput = true
                continue
            }
            let path = FilePath(text)
            var status = stat()
            guard path.withCString({ stat($0, &status) }) == 0 else {
                let error = errno
                if error == ENOENT || error == ENOTDIR { throw .noSuchPath(text) }
                report.warnings.append(ScanWarning(path: path.display, message: FileReader.describe(error)))
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                let inWorkTree = options.honourGitIgnore && GitWorkTree.contains(path)
                roots.append(.directory(path, inWorkTree: inWorkTree, named: true))
            } else {
                roots.append(.file(path, named: true))
            }
        }

        if readStandardInput {
            let reader = FileReader()
            Walk.record(reader.scanStandardInput(), name: standardInputName, into: &report)
        }
        if !roots.isEmpty {
            let walk = Walk(queue: WorkQueue(roots), options: options)
            WorkerThreads.run(options.threads) { index in walk.work(index) }
            for share in walk.shares { report.absorb(share.report) }
        }
        report.sort()
        return report
    }
}

/// One scan's shared state: the queue, and one share of results per worker (each worker
/// touches only its own until all are joined).
private final class Walk: @unchecked Sendable {
    final class Share { var report = ScanReport() }

    let queue: WorkQueue
    let options: ScanOptions
    let shares: [Share]

    init(queue: WorkQueue, options: ScanOptions) {
        self.queue = queue
        self.options = options
        shares = (0..<options.threads).map { _ in Share() }
    }

    func work(_ index: Int) {
        let reader = FileReader()
        let share = shares[index]
        while let item = queue.take() {
            switch item {
            case .file(let path, let named):
                let outcome = reader.scan(path, FileReader.Request(named: named, includeBinary: options.includeBinary))
                if case .directory = outcome {
                    // Listed by git: a nested repository or a submodule, with rules of its own.
                    queue.add([.directory(path, inWorkTree: false, named: false)])
                } else {
                    Self.record(outcome, name: path.display, into: &share.report)
                }
            case .directory(let path, let inWorkTree, let named):
                queue.add(children(of: path, inWorkTree: inWorkTree, named: named, report: &share.report))
            }
            queue.finished()
        }
    }

    static func record(_ outcome: FileReader.Outcome, name: @autoclosure () -> String, into report: inout ScanReport) {
        switch outcome {
        case .scanned(let matches, let bytes):
            report.filesScanned += 1
            report.bytesScanned += bytes
            if !matches.isEmpty {
                let file = name()
                report.hits += matches.map { TokenHit(file: file, match: $0) }
            }
        case .binary:
            report.binaryFilesSkipped += 1
        case .failed(let message):
            report.warnings.append(ScanWarning(path: name(), message: message))
        case .directory, .skipped:
            break
        }
    }

    /// What to look at in a directory: git's list inside a work tree, else its entries.
    private func children(of directory: FilePath, inWorkTree: Bool, named: Bool, report: inout ScanReport) -> [WorkQueue.Item] {
        guard let entries = entries(of: directory, named: named, report: &report) else { return [] }
        let hasGit = entries.contains { $0.name == Self.gitName }
        if options.honourGitIgnore && (inWorkTree || hasGit) {
            switch GitWorkTree.files(in: directory) {
            case .success(let paths):
                return paths.map { .file(directory.appending($0), named: false) }
            case .failure(let failure):
                report.warnings.append(ScanWarning(path: directory.display, message: "\(failure.message); scanned without honouring .gitignore"))
            }
        }
        var items: [WorkQueue.Item] = []
        for entry in entries where entry.name != Self.gitName {
            let path = directory.appending(entry.name)
            switch Int32(entry.type) {
            case Int32(DT_DIR): items.append(.directory(path, inWorkTree: false, named: false))
            case Int32(DT_LNK): continue
            case Int32(DT_REG), Int32(DT_UNKNOWN): items.append(.file(path, named: false))
            default: continue   // devices, sockets, pipes
            }
        }
        return items
    }

    private static let gitName = Array(".git".utf8)

    private func entries(of directory: FilePath, named: Bool, report: inout ScanReport) -> [(name: [UInt8], type: UInt8)]? {
        var flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        if !named { flags |= O_NOFOLLOW }
        let fd = directory.withCString { open($0, flags) }
        guard fd >= 0, let stream = fdopendir(fd) else {
            let error = errno
            if fd >= 0 { close(fd) }
            if error != ENOENT && error != ELOOP {
                report.warnings.append(ScanWarning(path: directory.display, message: FileReader.describe(error)))
            }
            return nil
        }
        defer { closedir(stream) }
        var entries: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }
}
