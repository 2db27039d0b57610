import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import KoersTestSupport
import Testing

/// The release archive that `scripts/release` makes: its checksum holds, `ldd` lists only the C
/// library and its companions, and the binary lists, validates, tests, checks and serves from an
/// empty folder with an empty HOME, a bare environment and no Swift on PATH.
///
/// Building the release takes many minutes, so this test builds nothing: it runs when
/// `KOERS_RELEASE_BINARY` names a built archive (`dist/koers-<version>-linux-<arch>.tar.gz`):
///
///     bash scripts/release
///     KOERS_RELEASE_BINARY=dist/koers-0.1.0-linux-x86_64.tar.gz swift test --filter ReleaseBinaryTests
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["KOERS_RELEASE_BINARY"] != nil,
        "set KOERS_RELEASE_BINARY to an archive made by scripts/release to test it"
    )
)
struct ReleaseBinaryTests {
    /// The C library and its companions: what a binary that links everything else statically
    /// may still load.
    static let allowedLibraries = [
        "linux-vdso.so", "linux-gate.so", "ld-linux", "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so",
        "libutil.so", "libgcc_s.so", "libstdc++.so",
    ]

    static var archive: URL {
        let path = ProcessInfo.processInfo.environment["KOERS_RELEASE_BINARY"] ?? ""
        return URL(fileURLWithPath: path, relativeTo: Fixtures.packageRoot).standardizedFileURL
    }

    /// Runs a program with only the environment given (no inherited PATH, HOME or KOERS_*).
    static func run(_ executable: String, _ arguments: [String], in folder: URL, home: URL) throws -> CommandRunner.Output {
        try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["-i", "HOME=\(home.path)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", executable] + arguments,
            in: folder
        )
    }

    @Test func theArchiveRunsAloneOnAMachineWithoutSwift() async throws {
        let archive = Self.archive
        try #require(FileManager.default.fileExists(atPath: archive.path), "no archive at \(archive.path)")
        #expect(archive.lastPathComponent.range(of: #"^koers-[0-9]+\.[0-9]+\.[0-9]+-linux-[a-z0-9_]+(-debug)?\.tar\.gz$"#,
                                                 options: .regularExpression) != nil)

        // The checksum file matches.
        let checksumFile = archive.deletingLastPathComponent().appendingPathComponent(archive.lastPathComponent + ".sha256")
        let check = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/sha256sum"), ["--check", checksumFile.lastPathComponent],
            in: archive.deletingLastPathComponent()
        )
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")

        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let unpack = try CommandRunner.run(URL(fileURLWithPath: "/bin/tar"), ["-xzf", archive.path], in: root)
        try #require(unpack.status == 0, "\(unpack.standardError)")
        let name = String(archive.lastPathComponent.dropLast(".tar.gz".count))
        let koers = root.appendingPathComponent(name).appendingPathComponent("koers").path
        try #require(FileManager.default.isExecutableFile(atPath: koers))

        // Only the C library and its companions are loaded at run time.
        let ldd = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/ldd"), [koers], in: root)
        #expect(ldd.status == 0, "\(ldd.standardError)")
        for line in ldd.standardOutput.split(separator: "\n") {
            let library = line.trimmingCharacters(in: .whitespaces)
            #expect(Self.allowedLibraries.contains { library.contains($0) }, "unexpected shared library: \(library)")
        }

        // An empty working folder and an empty HOME; PATH without Swift.
        let folder = root.appendingPathComponent("work")
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        #expect(try Self.run("/bin/sh", ["-c", "command -v swift || echo none"], in: folder, home: home)
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "none")

        let version = try Self.run(koers, ["--version"], in: folder, home: home)
        #expect(version.status == 0)
        #expect(name.contains(version.standardOutput.split(separator: " ").first.map(String.init) ?? "?"))
        #expect(version.standardOutput.contains("commit "))

        let list = try Self.run(koers, ["list"], in: folder, home: home)
        #expect(list.status == 0, "\(list.standardError)")
        for id in ["set-eligibility", "stappenplan", "maturity-scan", "insurer-readiness"] {
            #expect(list.standardOutput.contains(id))
        }
        let validate = try Self.run(koers, ["validate"], in: folder, home: home)
        #expect(validate.status == 0, "\(validate.standardError)")
        let test = try Self.run(koers, ["test"], in: folder, home: home)
        #expect(test.status == 0, "\(test.standardOutput)\(test.standardError)")

        let answers = folder.appendingPathComponent("answers.yaml")
        try FileManager.default.copyItem(
            at: Fixtures.examplesDirectory.appendingPathComponent("set-eligibility/thuiszorg-beeldzorg-zorgkantoor.yaml"),
            to: answers
        )
        let checked = try Self.run(koers, ["check", "--answers", "answers.yaml", "--format", "json"], in: folder, home: home)
        #expect([0, 2].contains(checked.status), "\(checked.standardError)")
        #expect(checked.standardOutput.contains("\"koers-check/1\""))

        try await serves(koers, in: folder, home: home)
    }

    /// Starts `koers serve` on a free port with SQLite in the folder and reads `/health` and `/`.
    func serves(_ koers: String, in folder: URL, home: URL) async throws {
        let output = folder.appendingPathComponent("serve.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: koers)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--data", "data"]
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var base: URL?
        for _ in 0..<600 where base == nil {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Koers is running at ") }) {
                base = URL(string: String(line.dropFirst("Koers is running at ".count)))
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let url = try #require(base, "koers serve did not start")
        let (healthData, health) = try await URLSession.shared.data(from: url.appendingPathComponent("health"))
        #expect((health as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: healthData, as: UTF8.self))")
        let (homeData, homePage) = try await URLSession.shared.data(from: url)
        #expect((homePage as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: homeData, as: UTF8.self).contains("set-eligibility"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/koers.sqlite").path))
    }
}
