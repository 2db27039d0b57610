import FuzzSupport
import KoersSource
import KoersYAML

/// The YAML layer: any bytes give a tree or located diagnostics, never a crash, and rendering
/// the diagnostics with their snippets works too.
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    let (file, result) = YAMLParser.parse(bytes: bytes, path: "fuzz.yaml")
    let renderer = DiagnosticRenderer(sources: file.map { [$0] } ?? [])
    _ = renderer.render(result.diagnostics)
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer(fuzzYAML)
    }
}
