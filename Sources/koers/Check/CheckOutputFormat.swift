import ArgumentParser

/// The formats `koers check` writes.
enum CheckOutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// For people at a terminal.
    case text
    /// A Markdown document.
    case markdown
    /// The stable machine-readable form, `koers-check/1`.
    case json
}
