import ArgumentParser
import KoersCore
import KoersReport

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
        version: "0.1.0",
        subcommands: [Validate.self, List.self, InterviewCommand.self, Batch.self, Check.self, Test.self, Override.self, ReportCommand.self, ServeCommand.self, CoachCommand.self]
    )

    /// The plugins this executable registers after the built-in functions and question types
    /// (`BuiltinPlugins.all`): the built-in report formats, and any code plugin compiled in.
    static let plugins: [any KoersPlugin] = [ReportFormatsPlugin()]
}
