/// What is left to look at: files to search and directories to list. Workers take items
/// and add the children they find; the walk ends when nothing is queued and no worker holds
/// an item (which could still add more). Last in, first out, so the walk goes depth first
/// and the queue stays short.
final class WorkQueue: @unchecked Sendable {
    enum Item {
        /// `named`: a PATH argument (FileReader.Request).
        case file(FilePath, named: Bool)
        /// `inWorkTree`: inside a git work tree, so git lists its files, though it has no
        /// `.git` of its own (a PATH argument below a repository's top). `named`: a PATH
        /// argument, which may be a symbolic link to a directory.
        case directory(FilePath, inWorkTree: Bool, named: Bool)
    }

    private let monitor = Monitor()
    private var items: [Item] = []
    private var holders = 0

    init(_ items: [Item]) { self.items = items.reversed() }

    func add(_ more: [Item]) {
        guard !more.isEmpty else { return }
        monitor.locked {
            items.append(contentsOf: more)
            more.count == 1 ? monitor.signal() : monitor.broadcast()
        }
    }

    /// The next item, waiting while others may still add some; nil when the walk is over.
    /// Every item taken must be handed back with `finished()`.
    func take() -> Item? {
        monitor.locked {
            while items.isEmpty {
                if holders == 0 { return nil }
                monitor.wait()
            }
            holders += 1
            return items.removeLast()
        }
    }

    func finished() {
        monitor.locked {
            holders -= 1
            if holders == 0 && items.isEmpty { monitor.broadcast() }
        }
    }
}
