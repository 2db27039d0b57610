import KoersCore
import KoersInterview

/// How a question is shown: the progress, the question, its unit, its options and what it
/// accepts, and the help behind `?`.
struct QuestionPrompt {
    let question: Question
    let language: String
    let texts: InterviewTexts
    /// The question type's one-line summary, for types the texts do not know.
    let typeSummary: String?

    /// The lines above the input: `[3/12] Question? (in euro)`, the options (unless a menu
    /// shows them), and the hint line.
    ///
    /// - Parameters:
    ///   - position: The question's number and the most questions this interview can take.
    ///   - current: The current answer, when going back to change it.
    ///   - takenOver: Where the current answer was taken over from, while it waits for
    ///     confirmation (`overgenomen uit Maturity scan 0-meting (2 maart 2026)`).
    ///   - asMenu: Whether a menu shows the options and its own hint line.
    ///   - console: For styles.
    /// - Returns: The lines.
    func header(
        position: (number: Int, total: Int),
        current: String?,
        takenOver: String? = nil,
        asMenu: Bool,
        console: Console
    ) -> [String] {
        var title = console.styled("[\(position.number)/\(position.total)]", .dim) + " "
        if takenOver != nil {
            title += console.styled("(\(texts.takenOverTag))", .cyan) + " "
        } else if current != nil {
            title += console.styled("(\(texts.changing))", .yellow) + " "
        }
        title += console.styled(question.text.text(in: language), .bold)
        if let unit = question.unit?.text(in: language), !unit.isEmpty {
            title += " " + console.styled("[\(unit)]", .dim)
        }
        var lines = [title]
        if !asMenu {
            for (index, option) in question.options.enumerated() {
                lines.append("  \(index + 1)) \(option.label.text(in: language))")
            }
        }
        if let current, let takenOver {
            lines.append("  " + console.styled(texts.takenOverAnswer(current, from: takenOver), .cyan))
        } else if let current {
            lines.append("  " + console.styled(texts.current(current), .yellow))
        }
        if !asMenu {
            var hints = [texts.accepts(question, summary: typeSummary)]
            if question.allowsUnknown { hints.append(texts.unknownHint) }
            if question.isOptional { hints.append(texts.optionalHint) }
            hints.append(texts.commandsHint)
            lines.append("  " + console.styled(hints.joined(separator: " · "), .dim))
        }
        return lines
    }

    /// The help `?` shows: the pack's help text, the words for "don't know" and "skip" when
    /// allowed, and the commands.
    var help: [String] {
        var lines = ["  \(texts.helpTitle):"]
        if let help = question.help?.text(in: language), !help.isEmpty {
            lines.append(contentsOf: wrapped(help, width: 76).map { "    " + $0 })
        } else {
            lines.append("    " + texts.noHelp)
        }
        lines.append("    " + texts.accepts(question, summary: typeSummary) + ".")
        if question.allowsUnknown { lines.append("    " + texts.unknownAllowed) }
        if question.isOptional { lines.append("    " + texts.skipAllowed) }
        lines.append(contentsOf: texts.commandsHelp.map { "    " + $0 })
        return lines
    }

    private func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
