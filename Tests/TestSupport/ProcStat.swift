import Foundation

/// A process's or thread's `stat` file under /proc, its fields numbered as in proc(5):
/// 4 is the parent's pid, 14 and 15 the user and system CPU time, 19 the nice value.
public struct ProcStat {
    /// Fields 3 on (after the command name, which may hold spaces and parentheses).
    private let fields: [Substring]

    /// The stat file in `folder` (`/proc/PID`, `/proc/PID/task/TID`, `/proc/thread-self`);
    /// nil when it cannot be read.
    public init?(_ folder: String) {
        guard let text = try? String(contentsOfFile: folder + "/stat", encoding: .utf8),
              let end = text.lastIndex(of: ")") else { return nil }
        fields = text[text.index(after: end)...].split(separator: " ")
    }

    /// Field `number` (3 or more) as a number; nil when there is no such field.
    public func number(_ number: Int) -> Int? {
        number >= 3 && number - 3 < fields.count ? Int(fields[number - 3]) : nil
    }

    /// The processes whose parent is `pid` (field 4).
    public static func children(of pid: pid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let child = pid_t(name), ProcStat("/proc/\(name)")?.number(4) == Int(pid) else { return nil }
            return child
        }
    }
}
