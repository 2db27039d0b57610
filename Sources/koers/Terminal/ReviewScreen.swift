import Foundation
import KoersCore
import KoersInterview
import KoersPresentation
import KoersSession
import KoersSource

/// The review before the verdict: every answer of the session in pack order, grouped by the
/// pack file its questions are in, including what was skipped or answered "don't know" and what
/// was taken over and still waits for confirmation; the coach picks one by number to change
/// it, or goes on to the verdict.
struct ReviewScreen {
    /// What the coach chose.
    enum Choice: Equatable {
        /// Show the verdict (Enter, or the end of input).
        case verdict
        /// Change the answer to this question.
        case change(String)
        /// Go back to the last question asked (`<`).
        case back
    }

    let pack: RulePack
    let session: SessionFile
    let state: InterviewState
    let texts: InterviewTexts

    /// The questions listed: every question with an answer, and every question that applies
    /// and has none, in pack order; not those that do not apply.
    var listed: [QuestionResult] {
        state.evaluation.questions.filter { result in
            result.relevance != .irrelevant
                && (session.answers[result.question.id] != nil || result.relevance == .relevant)
        }
    }

    /// The lines of the review, numbered from 1.
    func lines(console: Console) -> [String] {
        let formatter = ValueFormatter(language: texts.language)
        let results = listed
        let files = Set(results.map { $0.question.location.file })
        var lines = [console.styled(texts.reviewTitle, .bold)]
        var group: String?
        for (index, result) in results.enumerated() {
            let question = result.question
            let file = URL(fileURLWithPath: question.location.file).deletingPathExtension().lastPathComponent
            if files.count > 1, file != group {
                group = file
                lines.append("  " + console.styled(file, .dim))
            }
            let answer = session.answers[question.id]
            var text = answer.map { formatter.format($0.state, for: question) } ?? texts.reviewUnanswered
            if answer?.awaitsConfirmation == true { text += " (" + texts.reviewAwaiting + ")" }
            if let note = answer?.note { text += " · " + texts.reviewNote + ": " + note }
            let number = String(index + 1).leftPadded(to: String(results.count).count)
            lines.append("  \(number). \(question.text.text(in: texts.language)): " + console.styled(text, .cyan))
        }
        lines.append(console.styled(texts.reviewPrompt(count: results.count), .dim))
        return lines
    }

    /// Shows the review and reads the coach's choice, asking again after a wrong number.
    func run(console: Console, input: InputReader) -> Choice {
        console.line()
        for line in lines(console: console) { console.line(line) }
        let results = listed
        guard !results.isEmpty else { return .verdict }
        while true {
            console.write("> ")
            guard let line = input.readLine() else {
                console.line()
                return .verdict
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .verdict }
            if trimmed == "<" { return .back }
            if let number = Int(trimmed), (1...results.count).contains(number) {
                return .change(results[number - 1].question.id)
            }
            console.line("  " + console.styled(texts.reviewNoSuchNumber(trimmed, count: results.count), .red))
        }
    }
}

extension String {
    /// The text with spaces in front up to a width, for right-aligned numbers.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
