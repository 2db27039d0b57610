import ArgumentParser

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
}
