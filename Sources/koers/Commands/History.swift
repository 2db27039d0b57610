import ArgumentParser
import Foundation
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession

extension KoersCommand {
    /// `koers history`: every change kept in a session file, oldest first: who changed which
    /// answer, note, override or confirmation, when, and from what to what.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show who changed which answer, note or override in a session, when, and from what to what.",
            discussion: """
                Prints the changes a session file keeps, oldest first: answers given, changed \
                or removed; notes with their own author; answers taken over from another \
                session (--from) and their confirmation; score overrides and their \
                confirmation. Sessions saved before Koers kept a history show only their \
                answers as they are now, with who gave them and when.

                --format json prints {"session", "pack_id", "label", "changes": [...]}, each \
                change as the session file keeps it ({"kind", "id", "by", "at", "old", "new"}).
                """
        ).inDutchWhenAsked()

        @Argument(help: ArgumentHelp("The session file, as koers interview saved it.", valueName: "session-file"))
        var sessionFile: String

        @Option(help: "The output format: text or json.")
        var format: HistoryFormat = .text

        @Option(help: "The language of the text output: nl or en (default: the session's language).")
        var lang: String?

        func validate() throws {
            if let lang, !["nl", "en"].contains(lang) {
                throw ValidationError("--lang must be nl or en, not '\(lang)'")
            }
        }

        func run() throws {
            let session: SessionFile
            do {
                session = try SessionStore(path: sessionFile).load()
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            switch format {
            case .json:
                let document = HistoryDocument(
                    session: sessionFile,
                    packID: session.packID,
                    label: session.label,
                    changes: session.history
                )
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                let data = try encoder.encode(document)
                print(String(decoding: data, as: UTF8.self))
            case .text:
                let texts = HistoryTexts(language: lang ?? session.language)
                for line in texts.lines(for: session, path: sessionFile) { print(line) }
            }
        }
    }

    /// The output formats of `koers history`.
    enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }
}

/// The JSON document `koers history --format json` prints.
private struct HistoryDocument: Encodable {
    var session: String
    var packID: String
    var label: String?
    var changes: [SessionChange]

    private enum CodingKeys: String, CodingKey {
        case session
        case packID = "pack_id"
        case label
        case changes
    }
}

/// The words and lines of `koers history`, in Dutch or English.
struct HistoryTexts {
    /// `nl` or `en`.
    let language: String

    private func pick(_ nl: String, _ en: String) -> String { language == "nl" ? nl : en }
    private func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

    /// Every line of the text output.
    func lines(for session: SessionFile, path: String) -> [String] {
        var lines = [
            pick("Geschiedenis van \(path)", "History of \(path)")
                + " (pack \(session.packID)\(session.label.map { ", \($0)" } ?? ""))"
        ]
        guard !session.history.isEmpty else {
            lines.append(
                pick(
                    "Deze sessie heeft nog geen geschiedenis (bewaard voordat Koers die bijhield). De antwoorden zoals ze nu zijn:",
                    "This session has no history yet (saved before Koers kept one). The answers as they are now:"
                )
            )
            for id in session.answers.keys.sorted() {
                guard let answer = session.answers[id] else { continue }
                lines.append(
                    "\(time(answer.answeredAt))  \(answer.answeredBy)  \(id): \(content(.answer(answer.state)))"
                )
                if let note = answer.note, let author = answer.noteAuthor {
                    lines.append(
                        "\(time(answer.noteAt ?? answer.answeredAt))  \(author)  \(id): "
                            + pick(.changedNote) + " \"\(note)\""
                    )
                }
            }
            return lines
        }
        for change in session.history {
            var line = "\(time(change.at))  \(change.by)  \(kind(change.kind)) \(change.id)"
            switch change.kind {
            case .takenOverConfirmed, .overrideConfirmed:
                break
            case .takenOver:
                line += ": " + transition(change) + (change.source.map { " (" + pick(.from) + " \($0))" } ?? "")
            case .answer, .note, .override, .scoreVerified, .scoreDisputed:
                line += ": " + transition(change)
            }
            lines.append(line)
        }
        let count = session.history.count
        lines.append(
            pick(
                "\(count) \(count == 1 ? "wijziging" : "wijzigingen").",
                "\(count) \(count == 1 ? "change" : "changes")."
            )
        )
        return lines
    }

    private func kind(_ kind: SessionChange.Kind) -> String {
        switch kind {
        case .answer: pick(.changedAnswer)
        case .note: pick(.changedNote)
        case .takenOver: pick(.takenOver)
        case .takenOverConfirmed: pick(.takeoverConfirmed)
        case .override: pick(.scoreOverridden)
        case .overrideConfirmed: pick(.overrideConfirmed)
        case .scoreVerified: pick(.scoreVerified)
        case .scoreDisputed: pick(.scoreDisputed)
        }
    }

    private func transition(_ change: SessionChange) -> String {
        switch (change.old, change.new) {
        case (nil, let new?): return content(new)
        case (let old?, let new?): return "\(content(old)) → \(content(new))"
        case (let old?, nil): return "\(content(old)) → " + pick(.removed)
        case (nil, nil): return ""
        }
    }

    private func content(_ content: SessionChange.Content) -> String {
        let formatter = ValueFormatter(language: language)
        switch content {
        case .answer(let state): return formatter.format(state)
        case .text(let text): return "\"\(text)\""
        case .override(let value, let justification):
            return formatter.format(.number(value)) + " (" + pick("reden", "reason") + ": \(justification))"
        }
    }

    private func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
