import ArgumentParser
import KoersCore
import KoersReport
import KoersSource

/// The `koers` command-line tool.
@main
struct KoersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koers",
        abstract: "A rules and checklist assistant for Dutch e-health projects.",
        discussion: """
            Koers loads rule packs (YAML folders with questions, rules, scores and their sources) \
            and checks an e-health project against them: subsidy eligibility, the structural-funding \
            stappenplan, implementation maturity and insurers' readiness criteria.
            """,
        version: "\(version) (commit \(BuildInfo.commit), pack engine \(KoersEngine.version))",
        subcommands: [Validate.self, List.self, InterviewCommand.self, Batch.self, Check.self, Test.self, Override.self, History.self, ReportCommand.self, ServeCommand.self, CoachCommand.self]
    ).inDutchWhenAsked(path: "")

    /// The version of the koers tool, also in release archive names (`scripts/release`).
    static let version = "0.1.0"

    /// The plugins this executable registers after the built-in functions and question types
    /// (`BuiltinPlugins.all`): the built-in report formats, and any code plugin compiled in.
    static let plugins: [any KoersPlugin] = [ReportFormatsPlugin()]

    /// Runs the command line, first catching a mistyped command (`koers chek`) with a
    /// did-you-mean, as pack diagnostics have, instead of the parser's bare "unexpected argument".
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownCommandMessage(arguments) {
            Self.exit(withError: ValidationError(message))
        }
        await main(arguments)
    }

    /// The message for a first argument that is neither an option nor a command, or `nil`.
    ///
    /// - Parameter arguments: The arguments after `koers`.
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let dutch = DutchHelp.isRequested
        if let suggestion = closestMatch(to: first, among: names) {
            return dutch
                ? "onbekende opdracht '\(first)'; bedoelde u '\(suggestion)'?"
                : "unknown command '\(first)'; did you mean '\(suggestion)'?"
        }
        return (dutch ? "onbekende opdracht '\(first)'; de opdrachten zijn " : "unknown command '\(first)'; the commands are ")
            + names.joined(separator: ", ")
    }
}
