import KoersCore

/// A menu of a choice question's options, picked with the arrow keys in raw mode.
///
/// Up and down (or k and j) move, a digit jumps to an option (and chooses it in a multiple
/// choice), space chooses or unchooses in a multiple choice, Enter confirms. `?` shows the help
/// above the menu, `<` goes back, `#` asks for a note, Ctrl-D ends the input and Ctrl-C stops.
/// Rows for "don't know" and "skip" are added when the question allows them.
struct ChoicePicker {
    /// One row of the menu.
    enum Row: Equatable {
        /// An option, by its index in the question's options.
        case option(Int)
        /// A special answer, typed as this text (`??` or `-`).
        case special(String, label: String)
    }

    /// How picking ended.
    enum Outcome {
        /// An answer to check.
        case answer(AnswerInputText)
        /// Go back to the previous question.
        case back
        /// Ask for a note, then pick again.
        case note
        /// The end of input.
        case endOfInput
        /// Ctrl-C.
        case interrupted
    }

    /// What the person chose: an option id, several, or a special word.
    enum AnswerInputText {
        case one(String)
        case several([String])
        case typed(String)
    }

    let question: Question
    let language: String
    let rows: [Row]
    var cursor = 0
    var chosen: Set<Int> = []

    var isMultiple: Bool { question.typeID == "multiple_choice" }

    /// A picker for a question, with the current answer preselected.
    init(question: Question, language: String, texts: InterviewTexts, current: [String]) {
        self.question = question
        self.language = language
        var rows = question.options.indices.map(Row.option)
        if question.allowsUnknown { rows.append(.special("??", label: texts.unknownRow)) }
        if question.isOptional { rows.append(.special("-", label: texts.skipRow)) }
        self.rows = rows
        let indices = current.compactMap { id in question.options.firstIndex { $0.id == id } }
        if question.typeID == "multiple_choice" { chosen = Set(indices) }
        cursor = indices.first ?? 0
    }

    /// Whether a question is picked from a menu.
    static func applies(to question: Question) -> Bool {
        ["single_choice", "multiple_choice"].contains(question.typeID) && !question.options.isEmpty
    }

    /// Shows the menu and reads keys until the person confirms or leaves.
    ///
    /// - Parameters:
    ///   - input: The keys.
    ///   - console: Where the menu is drawn.
    ///   - texts: The words.
    ///   - width: The terminal's width; longer rows are cut so each takes one line.
    ///   - help: The help lines `?` shows.
    /// - Returns: How picking ended.
    mutating func pick(input: InputReader, console: Console, texts: InterviewTexts, width: Int, help: [String])
        -> Outcome
    {
        guard let raw = RawMode.enable() else { return .endOfInput }
        defer { raw.restore() }
        var notice: String?
        var drawn = draw(console: console, texts: texts, width: width, notice: nil)
        var confirmingNone = false
        while true {
            guard let byte = input.readByte() else {
                erase(drawn, console: console)
                return .endOfInput
            }
            var keepNotice = false
            switch byte {
            case 0x03:
                erase(drawn, console: console)
                return .interrupted
            case 0x04:
                erase(drawn, console: console)
                return .endOfInput
            case 0x1B:
                guard let next = input.readByte(timeout: 50), next == UInt8(ascii: "[") || next == UInt8(ascii: "O"),
                    let key = input.readByte(timeout: 50)
                else { break }
                if key == UInt8(ascii: "A") { cursor = (cursor + rows.count - 1) % rows.count }
                if key == UInt8(ascii: "B") { cursor = (cursor + 1) % rows.count }
            case UInt8(ascii: "k"):
                cursor = (cursor + rows.count - 1) % rows.count
            case UInt8(ascii: "j"):
                cursor = (cursor + 1) % rows.count
            case UInt8(ascii: " "):
                if isMultiple, case .option(let index) = rows[cursor] { toggle(index) }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                let index = Int(byte - UInt8(ascii: "1"))
                if question.options.indices.contains(index) {
                    cursor = index
                    if isMultiple { toggle(index) }
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if case .special(let word, _) = rows[cursor] {
                    erase(drawn, console: console)
                    return .answer(.typed(word))
                }
                if !isMultiple, case .option(let index) = rows[cursor] {
                    erase(drawn, console: console)
                    return .answer(.one(question.options[index].id))
                }
                if chosen.isEmpty && !confirmingNone {
                    confirmingNone = true
                    notice = texts.nothingChosen
                    keepNotice = true
                } else {
                    erase(drawn, console: console)
                    return .answer(
                        .several(question.options.indices.filter(chosen.contains).map { question.options[$0].id })
                    )
                }
            case UInt8(ascii: "?"):
                erase(drawn, console: console)
                for line in help { console.line(line) }
                drawn = draw(console: console, texts: texts, width: width, notice: nil)
                continue
            case UInt8(ascii: "<"):
                erase(drawn, console: console)
                return .back
            case UInt8(ascii: "#"):
                erase(drawn, console: console)
                return .note
            default:
                break
            }
            if !keepNotice {
                confirmingNone = false
                notice = nil
            }
            erase(drawn, console: console)
            drawn = draw(console: console, texts: texts, width: width, notice: notice)
        }
    }

    private mutating func toggle(_ index: Int) {
        if chosen.contains(index) { chosen.remove(index) } else { chosen.insert(index) }
    }

    /// Draws the rows and the hint line; returns how many lines it drew.
    private func draw(console: Console, texts: InterviewTexts, width: Int, notice: String?) -> Int {
        var output = ""
        for (position, row) in rows.enumerated() {
            let pointer = position == cursor ? ">" : " "
            var text: String
            switch row {
            case .option(let index):
                let box = isMultiple ? (chosen.contains(index) ? "[x] " : "[ ] ") : ""
                text = "\(box)\(index + 1)) \(question.options[index].label.text(in: language))"
            case .special(let word, let label):
                text = (isMultiple ? "    " : "") + "\(label) (\(word))"
            }
            text = Self.cut("  \(pointer) " + text, to: width)
            output += (position == cursor ? console.styled(text, .bold, .cyan) : text) + "\n"
        }
        output +=
            console.styled(
                Self.cut("  " + (notice ?? texts.pickerHint(multiple: isMultiple)), to: width),
                notice == nil ? .dim : .yellow
            ) + "\n"
        console.write(output)
        return rows.count + 1
    }

    /// Moves the cursor up over the drawn lines and clears them.
    private func erase(_ lines: Int, console: Console) {
        console.write("\u{1B}[\(lines)A\r\u{1B}[J")
    }

    private static func cut(_ text: String, to width: Int) -> String {
        let limit = max(10, width - 1)
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
