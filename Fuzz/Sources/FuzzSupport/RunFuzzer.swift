import CFuzzer

#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer's loop with the process's command line (corpus folders, `-max_total_time`, …),
/// calling `body` for every input, and exits with libFuzzer's status.
///
/// The targets have an ordinary `main` that calls this, rather than libFuzzer's own `main`,
/// because SwiftPM links an executable's entry point itself.
///
/// - Parameter body: Tests one input; it returns 0 (libFuzzer's convention).
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, body)
    exit(status)
}

/// The input as bytes.
///
/// - Parameters:
///   - data: libFuzzer's pointer (may be `nil` for an empty input).
///   - count: The number of bytes.
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let data, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: count))
}
