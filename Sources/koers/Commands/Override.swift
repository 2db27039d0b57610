import ArgumentParser
import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession
import KoersSource

extension KoersCommand {
    /// `koers override`: shows, sets, confirms or removes a coach's override of a score in a
    /// saved session.
    ///
    /// One person sets an override with a justification; a second person confirms it (as in the
    /// maturity scan study, where one researcher scored and a second verified). Both are kept
    /// in the session file, beside the computed value.
    struct Override: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "override",
            abstract: "Show, set, confirm or remove a coach's override of a score in a session.",
            discussion: """
                Without VALUE, --confirm or --remove: shows the score's computed value and level, \
                and its override, who set it and who confirmed it.

                With VALUE: sets the override (a number within the score's range) with a \
                justification (--justification, required for a new override; a changed value \
                keeps the earlier justification unless a new one is given). Changing the value \
                clears an earlier confirmation.

                --confirm: a second person confirms the override (--by NAME, default $USER); the \
                person who set it cannot confirm it. --remove: the override goes, with its \
                confirmation; the computed value counts again.

                --verify: a second person verifies the score as it stands, computed or \
                overridden, as in the maturity scan study; --dispute REASON: disputes it, with \
                why. Whoever last changed what the score rests on (its override, or else the \
                latest of the answers it is computed from) cannot verify or dispute it. Reports \
                show who verified or disputed each score, when and why.

                The session is saved atomically. Its pack (the session's pack id) is found on the \
                plugin path as for the other commands. Exit status: 0 done, 1 error.

                Example:
                  koers override s.json domain_user 4 --justification "Panel sinds maart" --by anna
                  koers override s.json domain_user --confirm --by bert
                  koers override s.json domain_legal --verify --by bert
                  koers override s.json domain_tech --dispute "Geen testrapport" --by bert
                """
        ).inDutchWhenAsked()

        @Argument(help: ArgumentHelp("The session file, as koers interview saved it.", valueName: "session-file"))
        var sessionFile: String

        @Argument(help: ArgumentHelp("The score, such as domain_user.", valueName: "score-id"))
        var scoreID: String

        @Argument(
            help: ArgumentHelp(
                "The value that counts instead of the computed one, within the score's range (such as 4 or 3.5).",
                valueName: "value"
            )
        )
        var value: String?

        @Option(help: ArgumentHelp("Why the computed value does not fit.", valueName: "text"))
        var justification: String?

        @Option(
            name: [.customLong("by"), .customLong("author")],
            help: ArgumentHelp(
                "Who sets or confirms the override, kept in the history (default: $USER).",
                valueName: "name"
            )
        )
        var by: String?

        @Flag(help: "Confirm the existing override, as a second person (--by NAME).")
        var confirm = false

        @Flag(help: "Remove the override; the computed value counts again.")
        var remove = false

        @Flag(help: "Verify the score as it stands, computed or overridden, as a second person (--by NAME).")
        var verify = false

        @Option(help: ArgumentHelp("Dispute the score as a second person, saying why (--by NAME).", valueName: "reason"))
        var dispute: String?

        @Option(help: "The language of the output: nl or en (default: the session's language).")
        var lang: String?

        @OptionGroup var packs: PackOptions

        /// What the command is asked to do.
        private enum Action {
            case show
            case set(Decimal)
            case confirm
            case remove
            case check(ScoreVerification.Status)
        }

        func run() throws {
            let console = Console(usesColour: TerminalCapabilities.detect().usesColour)
            do {
                try perform(console: console)
            } catch let failure as OverrideFailure {
                console.error("error: \(failure.message)")
                throw ExitCode.failure
            }
        }

        private func perform(console: Console) throws {
            try checkArguments()
            let store = SessionStore(path: sessionFile)
            var session: SessionFile
            do {
                session = try store.load()
            } catch {
                throw OverrideFailure("\(error)")
            }
            let language = lang ?? (["nl", "en"].contains(session.language) ? session.language : "nl")
            let texts = OverrideTexts(language: language)
            let selected = try packs.loadPack(session.packID)
            let interview = Interview(pack: selected.pack, registry: selected.registry)
            let changes = session.adapt(to: interview)
            ResultPrinter(pack: selected.pack, language: language, console: console).print(changes)
            let score = try findScore(in: selected.pack)
            let action = try parseAction(for: score)

            let person = (by ?? SessionFile.defaultPerson()).trimmingCharacters(in: .whitespacesAndNewlines)
            var notes: [String] = []
            switch action {
            case .show:
                break
            case .set(let number):
                guard !person.isEmpty else { throw OverrideFailure("--by must name who sets the override") }
                let existing = session.scoreOverrides[score.id]
                let reason = justification?.trimmingCharacters(in: .whitespacesAndNewlines) ?? existing?.justification
                guard let reason, !reason.isEmpty else {
                    throw OverrideFailure(
                        "a new override needs a justification: why the computed value does not fit; "
                            + "add --justification \"…\""
                    )
                }
                session.setOverride(ScoreOverride(value: number, justification: reason), for: score.id, by: person)
                if let confirmer = existing?.confirmedBy, session.scoreOverrides[score.id]?.isConfirmed != true {
                    notes.append(texts.confirmationCleared(by: confirmer))
                }
                try save(session, to: store)
                notes.append(texts.saved(sessionFile))
            case .confirm:
                do throws(ScoreOverrideError) {
                    try session.confirmOverride(for: score.id, by: person)
                } catch {
                    switch error {
                    case .noOverride:
                        throw OverrideFailure(
                            "score '\(score.id)' has no override to confirm; set one first: "
                                + "koers override \(sessionFile) \(score.id) VALUE --justification \"…\""
                        )
                    case .confirmedBySetter, .missingConfirmer:
                        let hint = by == nil ? " (without --by, the confirmer is $USER, '\(person)')" : ""
                        throw OverrideFailure(error.description + hint)
                    }
                }
                try save(session, to: store)
                notes.append(texts.saved(sessionFile))
            case .remove:
                do {
                    try session.removeOverride(for: score.id, by: person)
                } catch {
                    throw OverrideFailure("score '\(score.id)' has no override; there is nothing to remove")
                }
                try save(session, to: store)
                notes.append(texts.removed + " " + texts.saved(sessionFile))
            case .check(let status):
                let before = interview.evaluator.evaluate(
                    session.answerSet, on: session.evaluationDate, overrides: session.engineOverrides
                ).scores.first { $0.score.id == score.id }
                do throws(ScoreVerificationError) {
                    try session.verifyScore(
                        status, scoreID: score.id, inputs: before?.inputs ?? [],
                        computed: before?.computed.value?.decimalValue, by: person, reason: dispute
                    )
                } catch {
                    let hint = by == nil ? " (without --by, the verifier is $USER, '\(person)')" : ""
                    throw OverrideFailure(error.description + hint)
                }
                try save(session, to: store)
                notes.append(texts.saved(sessionFile))
            }

            let evaluation = interview.evaluator.evaluate(
                session.answerSet,
                on: session.evaluationDate,
                overrides: session.engineOverrides
            )
            guard let result = evaluation.scores.first(where: { $0.score.id == score.id }) else {
                throw OverrideFailure("score '\(score.id)' was not evaluated")
            }
            printReport(
                result, record: session.scoreOverrides[score.id], verification: session.scoreVerifications[score.id],
                texts: texts, console: console
            )
            for note in notes { console.line(note) }
        }

        /// Refuses combinations of arguments that mean nothing.
        private func checkArguments() throws {
            if let lang, !["nl", "en"].contains(lang) {
                throw OverrideFailure("--lang must be nl or en, not '\(lang)'")
            }
            if [confirm, remove, verify, dispute != nil].filter({ $0 }).count > 1 {
                throw OverrideFailure("--confirm, --remove, --verify and --dispute cannot be combined; give one of them")
            }
            if value != nil && (verify || dispute != nil) {
                throw OverrideFailure("give either a VALUE (to set the override), or --verify or --dispute")
            }
            if value != nil && (confirm || remove) {
                throw OverrideFailure(
                    "give either a VALUE (to set the override), or --confirm, or --remove; "
                        + "a second person confirms an override after it is set"
                )
            }
            if justification != nil && value == nil {
                throw OverrideFailure(
                    "--justification goes with a VALUE: koers override \(sessionFile) \(scoreID) VALUE --justification \"…\""
                )
            }
        }

        /// The score named on the command line, or an error with a suggestion.
        private func findScore(in pack: RulePack) throws -> Score {
            if let score = pack.scores.first(where: { $0.id == scoreID }) { return score }
            let ids = pack.scores.map(\.id)
            var message = "pack '\(pack.id)' has no score '\(scoreID)'"
            if let suggestion = closestMatch(to: scoreID, among: ids) {
                message += "; did you mean '\(suggestion)'?"
            } else if ids.isEmpty {
                message += "; it has no scores to override"
            } else {
                message += "; its scores are: \(ids.joined(separator: ", "))"
            }
            throw OverrideFailure(message)
        }

        /// What to do, with the value checked against the score's range.
        private func parseAction(for score: Score) throws -> Action {
            if confirm { return .confirm }
            if remove { return .remove }
            if verify { return .check(.verified) }
            if dispute != nil { return .check(.disputed) }
            guard let value else { return .show }
            let range = "\(score.minimum) to \(score.maximum)"
            guard let number = Self.decimal(value) else {
                throw OverrideFailure(
                    "'\(value)' is not a number; give the value of '\(score.id)' as a number from \(range), such as 4 or 3.5"
                )
            }
            guard number >= score.minimum, number <= score.maximum else {
                throw OverrideFailure("\(value) is outside the range of '\(score.id)'; give a value from \(range)")
            }
            return .set(number)
        }

        private func save(_ session: SessionFile, to store: SessionStore) throws {
            do {
                try store.save(session)
            } catch {
                throw OverrideFailure("\(error)")
            }
        }

        /// A number as a person types it: `4`, `3.5` or `3,5`; nothing else (no exponents or
        /// thousands separators).
        static func decimal(_ text: String) -> Decimal? {
            var digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            let negative = digits.hasPrefix("-")
            if negative { digits.removeFirst() }
            let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            if parts.count == 2 {
                guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            }
            return Decimal(string: (negative ? "-" : "") + digits, locale: Locale(identifier: "en_US_POSIX"))
        }

        /// The score with its computed value and level, the override, who set it and who
        /// confirmed it, and the value that counts.
        private func printReport(
            _ result: ScoreResult,
            record: SessionOverride?,
            verification: ScoreVerification?,
            texts: OverrideTexts,
            console: Console
        ) {
            let formatter = ValueFormatter(language: texts.language)
            func number(_ value: Decimal) -> String { formatter.number(value, fractionDigits: nil) }
            func withLevel(_ value: Decimal) -> String {
                let level = result.score.levels.last { value >= $0.minimum }
                return number(value) + (level.map { " (\($0.label.text(in: texts.language)))" } ?? "")
            }
            let score = result.score
            console.line(console.styled("\(score.title.text(in: texts.language)) (\(score.id))", .bold))
            console.line("  " + texts.scale(number(score.minimum), number(score.maximum)))
            let computed = result.computed.value?.decimalValue
            console.line(
                "  "
                    + texts.computed(computed.map(withLevel) ?? texts.notComputable(result.computed.missing.count))
            )
            if let record {
                console.line(
                    "  " + texts.override(console.styled(withLevel(record.value), .bold), by: record.by, at: record.at)
                )
                console.line("  " + texts.justification(record.justification))
                if let confirmer = record.confirmedBy, let time = record.confirmedAt {
                    console.line("  " + console.styled(texts.confirmed(by: confirmer, at: time), .green))
                } else {
                    console.line(
                        "  "
                            + console.styled(
                                texts.notConfirmed(command: "koers override \(sessionFile) \(score.id)"),
                                .yellow
                            )
                    )
                }
            } else {
                console.line("  " + texts.noOverride)
            }
            if let check = verification {
                let holds = check.holds(computed: result.computed.value?.decimalValue, override: record?.value)
                let line = InterviewTexts(language: texts.language).verification(check, holds: holds)
                console.line("  " + console.styled(line, check.status == .verified ? .green : .yellow))
            }
            let effective =
                result.effectiveValue.map(withLevel) ?? texts.notComputable(result.computed.missing.count)
            console.line("  " + texts.counts(console.styled(effective, .bold)))
        }
    }
}

/// An error of `koers override`, with its message.
private struct OverrideFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The words of `koers override`, in Dutch or English.
private struct OverrideTexts {
    /// `nl` or `en`.
    let language: String

    func pick(_ nl: String, _ en: String) -> String { language == "nl" ? nl : en }
    func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

    private func time(_ date: Date) -> String { date.formatted(.iso8601) }

    func scale(_ low: String, _ high: String) -> String {
        pick("Schaal:     \(low) tot en met \(high)", "Scale:      \(low) to \(high)")
    }
    func computed(_ value: String) -> String { pick("Berekend:   \(value)", "Computed:   \(value)") }
    func notComputable(_ open: Int) -> String {
        pick(
            "nog niet te berekenen (\(open) \(open == 1 ? "vraag" : "vragen") nog niet beantwoord)",
            "cannot be computed yet (\(open) \(open == 1 ? "question" : "questions") not answered yet)"
        )
    }
    func override(_ value: String, by person: String, at date: Date) -> String {
        pick(
            "Aangepast:  \(value) door \(person) op \(time(date))",
            "Override:   \(value) by \(person) at \(time(date))"
        )
    }
    func justification(_ text: String) -> String { pick("Reden:      \(text)", "Reason:     \(text)") }
    func confirmed(by person: String, at date: Date) -> String {
        pick("Bevestigd:  door \(person) op \(time(date))", "Confirmed:  by \(person) at \(time(date))")
    }
    func notConfirmed(command: String) -> String {
        pick(
            "Bevestigd:  nog niet; een tweede persoon bevestigt met: \(command) --confirm --by NAAM",
            "Confirmed:  not yet; a second person confirms with: \(command) --confirm --by NAME"
        )
    }
    var noOverride: String {
        pick("Aangepast:  nee (de berekende waarde telt)", "Override:   none (the computed value counts)")
    }
    func counts(_ value: String) -> String { pick("Telt:       \(value)", "Counts:     \(value)") }
    func confirmationCleared(by person: String) -> String {
        pick(
            "De bevestiging door \(person) vervalt: de aanpassing is gewijzigd.",
            "The confirmation by \(person) no longer holds: the override changed."
        )
    }
    var removed: String { pick("Aanpassing verwijderd.", "Override removed.") }
    func saved(_ path: String) -> String { pick(FrontEndText.savedIn(path)) }
}
