import FuzzSupport
import KoersInterview
import KoersSource

/// The answers-file reader: any text gives answers or located diagnostics, never a crash.
func fuzzAnswersFile(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let result = AnswersFile.parse(text, path: "answers.yaml")
    _ = DiagnosticRenderer(sources: result.source.map { [$0] } ?? []).render(result.diagnostics)
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer(fuzzAnswersFile)
    }
}
