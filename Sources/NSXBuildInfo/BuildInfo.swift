/// What was built: the commit and the day, as the build recorded them
/// (Plugins/BuildInfoPlugin). Nil where the build could not tell, as from a tarball.
public enum BuildInfo {
    /// The commit's short hash, or nil.
    public static var commit: String? { generatedCommit }
    /// The day the build recorded it (UTC, `2026-11-29`; SOURCE_DATE_EPOCH's day when set), or nil.
    public static var date: String? { generatedBuildDate }
}
