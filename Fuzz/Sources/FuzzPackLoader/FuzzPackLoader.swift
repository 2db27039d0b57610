import FuzzSupport
import KoersBuiltins
import KoersCore
import KoersSource

/// The registry with the built-in question types, functions and calculators, made once.
let registry = try? BuiltinPlugins.registry()

/// The pack loader: the input is one `pack.yaml` (every section may live in it), loaded from
/// memory; any bytes give a pack or diagnostics, never a crash.
func fuzzPackLoader(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let registry else { return 0 }
    let bytes = inputBytes(data, count)
    var loader = RulePackLoader(registry: registry)
    loader.embeddedFolders = [EmbeddedFolder(path: "Fuzz", files: [("fuzz/pack.yaml", bytes)])]
    let result = loader.load(directory: "Fuzz/fuzz")
    _ = DiagnosticRenderer(sources: result.files).render(result.diagnostics)
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer(fuzzPackLoader)
    }
}
