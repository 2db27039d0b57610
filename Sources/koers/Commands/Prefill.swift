import ArgumentParser
import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersSource

/// Reads the file of `koers interview --from` into answers to take over: a saved session (with
/// the fingerprints it saved) or an answers file (read against its own pack, whose questions
/// give the fingerprints when it is another pack than the session's).
struct PrefillLoader {
    let packs: PackOptions
    /// The pack of the session the answers go to.
    let target: SelectedPack
    let language: String

    /// The answers of the file.
    ///
    /// - Parameters:
    ///   - path: The file, as given.
    ///   - date: The evaluation date, for reading an answers file.
    /// - Returns: The answers with where they come from.
    /// - Throws: `ExitCode.failure` after printing why the file cannot be used.
    func source(_ path: String, on date: CalendarDate) throws -> PrefillSource {
        let printer = DiagnosticPrinter()
        let read = AnswerSource.read(atPath: path)
        let sources = read.source.map { [$0] } ?? []
        printer.print(read.diagnostics, files: sources)
        guard let file = read.file else {
            printer.writeToStandardError("error: the answers of '\(path)' cannot be taken over; nothing was changed\n")
            throw ExitCode.failure
        }
        if let session = read.session {
            return PrefillSource(session: session, file: path, packTitle: title(of: session.packID))
        }
        // An answers file: read with the questions of the pack it names (this one by default).
        let packID = file.packID ?? target.pack.id
        let source = packID == target.pack.id ? target : try packs.loadPack(packID)
        let interview = Interview(pack: source.pack, registry: source.registry)
        let checked = file.answers(for: interview, on: file.date ?? date, language: language)
        // Answers the file's pack rejects are reported and left out; the rest is taken over.
        printer.print(checked.diagnostics.map(\.asWarning), files: sources)
        let written = modificationDate(of: path) ?? Date()
        var answers: [String: SessionAnswer] = [:]
        for (id, state) in checked.answers {
            answers[id] = SessionAnswer(state, answeredBy: "unknown", answeredAt: written)
        }
        return PrefillSource(
            packID: source.pack.id,
            packTitle: source.pack.manifest.title.text(in: language),
            file: path,
            answers: answers,
            fingerprints: source.pack.id == target.pack.id ? nil : SessionFile.fingerprints(of: source.pack)
        )
    }

    /// The title of a pack in a folder of that name or on the plugin path, or `nil` when it is
    /// not found (the answers are then named by the pack id).
    private func title(of packID: String) -> String? {
        if packID == target.pack.id { return target.pack.manifest.title.text(in: language) }
        guard let registry = try? packs.registry() else { return nil }
        let loader = packs.loader(registry: registry)
        let pack: RulePack?
        if FileManager.default.fileExists(atPath: packID + "/pack.yaml") {
            pack = loader.readingFromDisk.load(directory: packID).pack
        } else if let found = packs.catalog().reference(toPack: packID) {
            pack = loader.load(directory: found.directory).pack
        } else {
            pack = nil
        }
        return pack.map { $0.manifest.title.text(in: language) }
    }

    private func modificationDate(of path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

extension Diagnostic {
    /// The same problem as a warning: for answers that are left out rather than fatal.
    fileprivate var asWarning: Diagnostic {
        var copy = self
        if copy.severity == .error { copy.severity = .warning }
        return copy
    }
}

extension ResultPrinter {
    /// Prints what `--from` took over and which answers it left, with why.
    ///
    /// - Parameters:
    ///   - report: What taking over did.
    ///   - source: The source as a person names it.
    ///   - texts: The words.
    func print(_ report: PrefillReport, source: String, texts: InterviewTexts) {
        console.line(console.styled(texts.tookOver(report.takenOver.count, from: source), .cyan))
        let already = report.notTakenOver.filter { $0.reason == .alreadyAnswered }.count
        if already > 0 { console.line("  " + texts.alreadyAnswered(already)) }
        let left = report.notTakenOver.filter { $0.reason != .alreadyAnswered }
        guard !left.isEmpty else { return }
        console.line(console.styled(texts.notTakenOverTitle, .yellow))
        for entry in left {
            switch entry.reason {
            case .differentMeaning(let old, let new):
                console.line(
                    "  - " + texts.differentMeaning(entry.id, source: old.map(describe) ?? "?", target: describe(new))
                )
            case .rejected(let problem):
                console.line("  - " + texts.rejectedTakeOver(entry.id, problem.message.text(in: language)))
            case .alreadyAnswered:
                break
            }
        }
    }

    private func describe(_ fingerprint: QuestionFingerprint) -> String {
        fingerprint.options.isEmpty
            ? fingerprint.typeID : "\(fingerprint.typeID): \(fingerprint.options.joined(separator: ", "))"
    }
}
