/// Text from a file or an answer made safe to print on a terminal.
///
/// Diagnostics echo what a stranger wrote (an unknown key, a bad value, a line of the file). Raw
/// control characters in it would reach the terminal: an escape sequence could recolour,
/// retitle or clear it, or hide the real message. Control characters (C0 but tab, DEL, C1) and
/// the bidirectional overrides that can reorder what is shown are written as `\u{…}` instead.
///
/// - Parameter text: The text to show.
/// - Returns: The text with every unsafe scalar written as a visible escape.
public func terminalSafe(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: isUnsafeOnTerminal) else { return String(text) }
    var result = ""
    for scalar in text.unicodeScalars {
        if isUnsafeOnTerminal(scalar) {
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// The same as ``terminalSafe(_:)`` but one column per scalar, so a caret under a source line
/// still points at the right column: every unsafe scalar becomes U+FFFD.
///
/// - Parameter text: A source line.
/// - Returns: The line with unsafe scalars replaced one for one.
public func terminalSafeKeepingColumns(_ text: some StringProtocol) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafeOnTerminal($0) ? "\u{FFFD}" : $0 }))
}

/// Whether a scalar may change what a terminal shows rather than being shown.
func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
