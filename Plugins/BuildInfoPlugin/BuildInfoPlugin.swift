import Foundation
import PackagePlugin

/// Writes the commit and the build date into the `NSXBuildInfo` target, so `nsx version`
/// reports what was built.
///
/// A build command, not a prebuild command: it runs only when its inputs change, and its
/// inputs are git's HEAD and HEAD's reflog, which change whenever the checked-out commit
/// does (commit, checkout, merge, reset). An incremental build that changes no commit runs
/// no git and recompiles nothing here. From a tarball without .git there are no inputs: the
/// file is written once, with neither commit nor date unless SOURCE_DATE_EPOCH gives one.
/// SOURCE_DATE_EPOCH, when set, fixes the date for reproducible builds (Debian's convention).
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedBuildInfo.swift")
        let package = context.package.directoryURL
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        for name in ["PATH", "HOME", "SOURCE_DATE_EPOCH"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        return [.buildCommand(
            displayName: "Recording the commit and build date of nsx",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "build-info", package.path, output.path],
            environment: environment,
            inputFiles: Self.gitHeadFiles(package),
            outputFiles: [output])]
    }

    /// HEAD and its reflog in the package's git folder — `.git`, or for a worktree (where
    /// `.git` is a file saying `gitdir: …`) the folder it names. Only files that exist.
    static func gitHeadFiles(_ package: URL) -> [URL] {
        var gitFolder = package.appending(path: ".git")
        if let text = try? String(contentsOf: gitFolder, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        return [gitFolder.appending(path: "HEAD"), gitFolder.appending(path: "logs/HEAD")]
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// $1: the package folder; $2: the Swift file to write. Replaced only when it changes,
    /// so nothing recompiles for a rerun that found the same commit and day.
    static let script = #"""
        set -u
        unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
        commit=
        if command -v git >/dev/null 2>&1 && [ -e "$1/.git" ]; then
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=
        fi
        if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
            date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null) || date=
        else
            date=$(date -u +%Y-%m-%d)
        fi
        case $commit in *[!0-9a-f]*) commit= ;; esac
        case $date in *[!0-9-]*) date= ;; esac
        literal() { if [ -n "$1" ]; then printf '"%s"' "$1"; else printf nil; fi; }
        tmp="$2.tmp.$$"
        mkdir -p "$(dirname "$2")"
        {
            echo '// Written at build time by Plugins/BuildInfoPlugin; not kept in git.'
            echo "let generatedCommit: String? = $(literal "$commit")"
            echo "let generatedBuildDate: String? = $(literal "$date")"
        } > "$tmp"
        if cmp -s "$tmp" "$2"; then rm -f "$tmp"; else mv "$tmp" "$2"; fi
        """#
}
