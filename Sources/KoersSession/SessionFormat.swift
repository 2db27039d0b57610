/// The format marker of a session file, and the names it uses for value types.
public enum SessionFormat {
    /// `koers-session/1`: the format this version reads and writes.
    public static let current = "koers-session/1"
    /// The prefix every session format marker starts with.
    static let prefix = "koers-session/"
}
