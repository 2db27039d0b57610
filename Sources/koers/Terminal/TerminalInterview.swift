import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession

/// The interview in a terminal: asks the next question, checks the answer, saves the session
/// after every accepted answer, and handles `?`, `<`, `#`, empty lines and the end of input.
///
/// The engine decides what to ask; this type only talks to the person. Going back with `<`
/// asks an earlier question again; after a change the state is simply recomputed, so whatever
/// depends on the answer follows.
///
/// Answers taken over from another session (`--from`) are walked through in pack order, each
/// shown with where it came from: Enter confirms it, another answer replaces it. When nothing
/// more can change the result, a terminal shows every answer for review (``ReviewScreen``); the
/// coach can pick one to change, or go on to the verdict. A finished session opened again starts
/// at that review, so any answer can still be changed.
final class TerminalInterview {
    /// How the interview ended.
    enum Ending {
        /// Nothing more can change the result.
        case complete(InterviewState)
        /// Standard input ended first; every accepted answer is saved.
        case endOfInput
        /// Ctrl-C in a menu; every accepted answer is saved.
        case interrupted
    }

    /// What one question led to.
    private enum Step {
        case accepted(AnswerState)
        case kept
        case back
        case endOfInput
        case interrupted
    }

    private let interview: Interview
    private let store: SessionStore
    private let date: CalendarDate
    private let language: String
    private let person: String
    private let texts: InterviewTexts
    private let console: Console
    private let input: InputReader
    private let capabilities: TerminalCapabilities
    /// The session as saved.
    private(set) var session: SessionFile
    /// The questions answered, in the order they were asked.
    private var asked: [String]
    private var pendingNotes: [String: String] = [:]

    /// Prepares an interview over a session.
    init(
        interview: Interview,
        session: SessionFile,
        store: SessionStore,
        person: String,
        capabilities: TerminalCapabilities,
        console: Console,
        input: InputReader
    ) {
        self.interview = interview
        self.session = session
        self.store = store
        self.date = session.evaluationDate
        self.language = session.language
        self.person = person
        self.texts = InterviewTexts(language: session.language)
        self.capabilities = capabilities
        self.console = console
        self.input = input
        // A resumed session goes back through its answers in pack order.
        let answered = interview.evaluator.evaluate(session.answerSet, on: session.evaluationDate).questions
        self.asked = answered.filter { $0.answer != nil && $0.relevance != .irrelevant }.map(\.question.id)
    }

    /// Asks questions until nothing more can change the result or the input ends.
    ///
    /// - Throws: ``SessionError`` when saving fails; the answers saved before stay saved.
    func run() throws(SessionError) -> Ending {
        var revisiting: String?
        while true {
            let state = interview.state(of: session.answerSet, on: date, overrides: session.engineOverrides)
            let question: Question
            if let id = revisiting, let earlier = interview.pack.question(id) {
                question = earlier
            } else if let pending = nextToConfirm(in: state) {
                question = pending
                revisiting = pending.id
            } else if let next = state.nextQuestion {
                question = next
            } else {
                guard capabilities.inputIsTerminal else { return .complete(state) }
                let review = ReviewScreen(pack: interview.pack, session: session, state: state, texts: texts)
                switch review.run(console: console, input: input) {
                case .verdict:
                    return .complete(state)
                case .change(let id):
                    revisiting = id
                case .back:
                    if let previous = previous(before: nil, in: state) {
                        revisiting = previous
                    } else {
                        console.line("  " + console.styled(texts.noEarlierQuestion, .yellow))
                    }
                }
                continue
            }

            let saved = revisiting == nil ? nil : session.answers[question.id]
            let number = revisiting.flatMap { id in valid(asked, in: state).firstIndex(of: id) }.map { $0 + 1 }
            let position = (number ?? state.progress.answered + 1, max(state.progress.total, number ?? 0))
            switch ask(question, position: position, current: saved?.state, origin: saved?.origin) {
            case .accepted(let answer):
                let ignoredBefore = Set(state.evaluation.questions.filter(\.isIgnored).map(\.question.id))
                session.record(answer, for: question.id, by: person)
                if let note = pendingNotes.removeValue(forKey: question.id) {
                    session.setNote(note, for: question.id, by: person)
                }
                // The same answer as the one taken over confirms it.
                session.confirmTakenOver(for: question.id, by: person)
                try store.save(session)
                if !asked.contains(question.id) { asked.append(question.id) }
                revisiting = nil
                let after = interview.state(of: session.answerSet, on: date, overrides: session.engineOverrides)
                for result in after.evaluation.questions
                where result.isIgnored && !ignoredBefore.contains(result.question.id) {
                    console.line(
                        "  " + console.styled(texts.noLongerApplies(result.question.text.text(in: language)), .yellow)
                    )
                }
            case .kept:
                var changed = false
                if let note = pendingNotes.removeValue(forKey: question.id), session.answers[question.id] != nil {
                    session.setNote(note, for: question.id, by: person)
                    changed = true
                }
                if session.confirmTakenOver(for: question.id, by: person) { changed = true }
                if changed { try store.save(session) }
                if !asked.contains(question.id) { asked.append(question.id) }
                revisiting = nil
            case .back:
                if let previous = previous(before: question.id, in: state) {
                    revisiting = previous
                } else {
                    console.line("  " + console.styled(texts.noEarlierQuestion, .yellow))
                }
            case .endOfInput:
                return .endOfInput
            case .interrupted:
                return .interrupted
            }
        }
    }

    /// The first answer in pack order that was taken over and waits for confirmation, of a
    /// question that applies and comes before the next question to ask.
    private func nextToConfirm(in state: InterviewState) -> Question? {
        let waiting = session.answersAwaitingConfirmation
        guard !waiting.isEmpty else { return nil }
        for result in state.evaluation.questions {
            if result.question.id == state.nextQuestion?.id { return nil }
            if waiting.contains(result.question.id), result.relevance != .irrelevant { return result.question }
        }
        return nil
    }

    /// The answered questions that still apply, in the order they were asked.
    private func valid(_ ids: [String], in state: InterviewState) -> [String] {
        ids.filter { id in
            session.answers[id] != nil && state.evaluation.question(id).map { $0.relevance != .irrelevant } == true
        }
    }

    /// The question to go back to from a question (or from the end when `nil`).
    private func previous(before id: String?, in state: InterviewState) -> String? {
        let answered = valid(asked, in: state)
        guard let id, let index = answered.firstIndex(of: id) else { return answered.last }
        return index > 0 ? answered[index - 1] : nil
    }

    /// Asks one question until it gets an acceptable answer or a command.
    private func ask(_ question: Question, position: (Int, Int), current: AnswerState?, origin: AnswerOrigin?) -> Step {
        let formatter = ValueFormatter(language: language)
        let prompt = QuestionPrompt(
            question: question,
            language: language,
            texts: texts,
            typeSummary: interview.registry.questionType(question.typeID)?.summary
        )
        let asMenu = capabilities.picksWithKeys && ChoicePicker.applies(to: question)
        console.line()
        for line in prompt.header(
            position: position,
            current: current.map { formatter.format($0, for: question) },
            takenOver: origin.flatMap { $0.isConfirmed ? nil : texts.takenOver(from: $0, formatter: formatter) },
            asMenu: asMenu,
            console: console
        ) {
            console.line(line)
        }
        var picker =
            asMenu
            ? ChoicePicker(question: question, language: language, texts: texts, current: chosenIDs(current)) : nil
        while true {
            let candidate: AnswerInput
            if var menu = picker {
                let outcome = menu.pick(
                    input: input,
                    console: console,
                    texts: texts,
                    width: capabilities.width,
                    help: prompt.help
                )
                picker = menu
                switch outcome {
                case .answer(.one(let id)):
                    candidate = .text(id)
                case .answer(.several(let ids)):
                    candidate = .list(ids)
                case .answer(.typed(let word)):
                    candidate = .text(word)
                case .back:
                    return .back
                case .note:
                    console.write("  " + texts.notePrompt)
                    guard let note = input.readLine() else { return .endOfInput }
                    keepNote(note, for: question)
                    continue
                case .endOfInput:
                    return .endOfInput
                case .interrupted:
                    return .interrupted
                }
                console.line("> " + describe(candidate, for: question))
            } else {
                console.write("> ")
                guard let line = input.readLine() else {
                    console.line()
                    return .endOfInput
                }
                if !capabilities.inputIsTerminal { console.line(line) }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed == "?" {
                    for line in prompt.help { console.line(line) }
                    continue
                }
                if trimmed == "<" { return .back }
                if trimmed.hasPrefix("#") {
                    keepNote(String(trimmed.dropFirst()), for: question)
                    continue
                }
                if trimmed.isEmpty {
                    if current != nil { return .kept }
                    if question.isOptional { return .accepted(.skipped) }
                    console.line("  " + console.styled(texts.required, .red))
                    continue
                }
                candidate = .text(line)
            }
            switch interview.special(candidate, for: question) {
            case .success(let state?):
                return .accepted(state)
            case .failure(let problem):
                console.line("  " + console.styled(problem.message.text(in: language), .red))
                continue
            case .success(nil):
                break
            }
            switch interview.check(candidate, for: question, given: session.answerSet, on: date) {
            case .success(let value):
                return .accepted(.given(value))
            case .failure(let problem):
                console.line("  " + console.styled(problem.message.text(in: language), .red))
            }
        }
    }

    private func keepNote(_ text: String, for question: Question) {
        let note = text.trimmingCharacters(in: .whitespaces)
        guard !note.isEmpty else { return }
        pendingNotes[question.id] = note
        console.line("  " + console.styled(texts.noteKept, .dim))
    }

    /// The option ids of a current answer, to preselect in a menu.
    private func chosenIDs(_ current: AnswerState?) -> [String] {
        switch current?.value {
        case .text(let id)?: [id]
        case .list(let elements, _)?: elements.compactMap { if case .text(let id) = $0 { id } else { nil } }
        default: []
        }
    }

    /// A picked answer as the person reads it.
    private func describe(_ input: AnswerInput, for question: Question) -> String {
        let labels: [String]
        switch input {
        case .list(let ids): labels = ids
        case .dontKnow: labels = ["??"]
        case .skip: labels = ["-"]
        case .value(let value): labels = [value.literal]
        case .text, .number, .boolean: labels = [input.plainText ?? ""]
        }
        let named = labels.map { id in
            switch id {
            case "??": texts.unknownRow
            case "-": texts.skipRow
            default: question.options.first { $0.id == id }?.label.text(in: language) ?? id
            }
        }
        return named.isEmpty ? (language == "nl" ? "(geen)" : "(none)") : named.joined(separator: ", ")
    }
}
