import ArgumentParser
import Foundation
import KoersCore
import KoersInterview
import KoersReport

extension KoersCommand {
    /// `koers report`: writes a report of one or more sessions of one organisation.
    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a report of one or more sessions: HTML, Markdown or JSON.",
            discussion: """
                Each FILE is a saved session ("format": "koers-session/1") or an answers file with \
                'pack:' (see examples/intake/). All files are about one organisation; two files of \
                the same pack are compared: the earliest is the baseline, the latest the follow-up.

                --format html writes one self-contained, printable file (A4) with inline SVG charts; \
                --templates DIR replaces its Mustache templates (report, session, comparison, \
                styles) by files of the same name. --format json writes the stable koers-report/1 \
                document that schemas/report.schema.json describes.

                Exit status: 0 on success, 1 when a file, a pack or a template cannot be used.
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @Argument(help: ArgumentHelp("Sessions or answers files.", valueName: "file"))
        var files: [String]

        @Option(help: "The output format: html, markdown, json, or one a plugin adds (koers list --plugins).")
        var format: String = "html"

        @Option(help: "The language of the report: nl or en.")
        var lang: String = "nl"

        @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("A folder of .mustache files that replace the HTML templates.", valueName: "dir"))
        var templates: String?

        @Option(help: ArgumentHelp("The organisation's name (default: from the files' description).", valueName: "name"))
        var organisation: String?

        @Flag(
            help: "Add each session's history (every change of an answer, note or override, with who and when) as an appendix."
        )
        var history = false

        func validate() throws {
            guard ["nl", "en"].contains(lang) else {
                throw ValidationError("--lang must be nl or en, not '\(lang)'")
            }
            guard !files.isEmpty else {
                throw ValidationError("name one or more sessions or answers files")
            }
        }

        func run() async throws {
            let printer = DiagnosticPrinter()
            do {
                var inputs: [ReportInput] = []
                for file in files {
                    let packID = try ReportInput.packID(ofFileAt: file)
                    let selected = try packs.loadPack(packID)
                    inputs.append(
                        try ReportInput.load(path: file, pack: selected.pack, registry: selected.registry, language: lang)
                    )
                }
                let registry = try packs.registry()
                guard let reportFormat = registry.reportFormat(format) else {
                    throw ReportError.unknownFormat(format, known: registry.reportFormats.map(\.id))
                }
                let report = try ReportBuilder(language: lang, includesHistory: history)
                    .build(inputs, organisation: organisation)
                try write(try reportFormat.render(report, options: ReportRenderOptions(templateDirectory: templates)))
            } catch let error as ReportError {
                printer.writeToStandardError("error: \(error.description)\n")
                throw ExitCode.failure
            }
        }

        private func write(_ text: String) throws(ReportError) {
            guard let output else {
                DiagnosticPrinter().writeToStandardOutput(text)
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw .unwritable(path: output, message: error.localizedDescription)
            }
        }
    }
}
