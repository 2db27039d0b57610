import Foundation
import KoersTestSupport
import Testing

/// The small things a user of the command line expects: a did-you-mean for a mistyped command,
/// shell completion of pack ids, the version with its commit, and the documented batch example
/// giving real verdicts on any day.
@Suite struct CommandLineConvenienceTests {
    @Test func aMistypedCommandGetsADidYouMean() throws {
        let result = try CommandRunner.koers(["chek", "--answers", "x.yaml"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("unknown command 'chek'; did you mean 'check'?"), "\(result.standardError)")
        let far = try CommandRunner.koers(["frobnicate"])
        #expect(far.status == 64)
        #expect(far.standardError.contains("unknown command 'frobnicate'; the commands are validate, list"))
        // Real commands and options still work.
        #expect(try CommandRunner.koers(["list"]).status == 0)
        #expect(try CommandRunner.koers(["help", "check"]).status == 0)
    }

    @Test func packArgumentsCompleteToPackIDs() throws {
        let script = try CommandRunner.koers(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.standardOutput.contains("---completion batch -- positional@0"), "the batch pack argument is completed by koers")

        let all = try CommandRunner.koers(["---completion", "batch", "--", "positional@0", "2", "0", "koers", "batch", ""])
        #expect(all.status == 0, "\(all.standardError)")
        let ids = all.standardOutput.split(separator: "\n").map(String.init)
        #expect(Set(["set-eligibility", "stappenplan", "maturity-scan", "insurer-readiness"]).isSubset(of: Set(ids)), "\(ids)")

        let prefixed = try CommandRunner.koers(["---completion", "interview", "--", "positional@0", "2", "2", "koers", "interview", "st"])
        #expect(prefixed.standardOutput.split(separator: "\n") == ["stappenplan"])

        // --plugins typed earlier on the line adds the packs there.
        let withPlugins = try CommandRunner.koers([
            "---completion", "test", "--", "positional@0", "4", "0", "koers", "test", "--plugins", "examples/plugins", "",
        ])
        #expect(withPlugins.standardOutput.contains("gemeente-voorbeeldstad"), "\(withPlugins.standardOutput)")
    }

    @Test func versionNamesTheCommit() throws {
        let result = try CommandRunner.koers(["--version"])
        #expect(result.status == 0)
        let pattern = #"^[0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}(-dirty)?|unknown), pack engine [0-9.]+\)$"#
        let line = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line)")
    }

    @Test func documentedBatchExampleGivesRealVerdictsToday() throws {
        for example in ["examples/batch/projects.jsonl", "examples/batch/projects.csv"] {
            // As in the README: no --date.
            let result = try CommandRunner.koers(["batch", "set-eligibility", "--input", example])
            #expect(result.status == 0, "\(result.standardError)")
            let rows = try result.standardOutput.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            #expect(rows.count == 6)
            let verdicts = rows.flatMap { row in
                ((row["outcomes"] as? [String: Any]) ?? [:]).values.compactMap { ($0 as? [String: Any])?["verdict"] as? String }
            }
            #expect(verdicts.contains("eligible"), "\(example): \(verdicts)")
            #expect(verdicts.contains("ineligible"), "\(example): \(verdicts)")
            #expect(rows.allSatisfy { ($0["date"] as? String).map { $0 < "2023-01-01" } == true }, "\(example)")
        }
    }

    @Test func readmeDocumentsTheResumeTokenAsABodyField() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("body field `resumeToken`"))
        #expect(!readme.contains("resumed with the `X-Resume-Token` they return"))
        #expect(readme.contains("--generate-completion-script"))
    }
}
