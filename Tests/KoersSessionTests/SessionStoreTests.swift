import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

@Suite struct SessionStoreTests {
    @Test func savingAgainAndAgainLeavesOnlyTheSessionFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(path: folder.appendingPathComponent("session.json").path)
        var session = try SessionFileTests.everyKind()
        for round in 0..<20 {
            session.record(.given(.number(Decimal(round))), for: "round", by: "anna")
            try store.save(session)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["session.json"])
        #expect(try store.load().answers["round"]?.state == .given(.number(19)))
    }

    @Test func savingRemovesWhatAKilledSaveLeftBehind() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process that no longer runs (pid_max is at most 4194304) left a half-written file.
        let abandoned = folder.appendingPathComponent(".session.json.tmp-4194305-12345")
        try "{\"format\" : ".write(to: abandoned, atomically: false, encoding: .utf8)
        let other = folder.appendingPathComponent(".other.json.tmp-4194305-1")
        try "{}".write(to: other, atomically: false, encoding: .utf8)
        try SessionStore(path: folder.appendingPathComponent("session.json").path).save(
            try SessionFileTests.everyKind()
        )
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".other.json.tmp-4194305-1", "session.json",
            ]
        )
    }

    @Test func savingKeepsTheFilePermissions() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("private.json").path
        let store = SessionStore(path: path)
        try store.save(try SessionFileTests.everyKind())
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try store.save(try SessionFileTests.everyKind())
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aFailedSaveNamesThePathAndTheReason() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing-folder/session.json").path
        let error = #expect(throws: SessionError.self) {
            try SessionStore(path: path).save(try SessionFileTests.everyKind())
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("cannot save session file '\(path)': creating a temporary file"))
        #expect(message.contains("No such file or directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aMissingFileIsNotFound() throws {
        let error = #expect(throws: SessionError.self) { try SessionStore(path: "/no/such/session.json").load() }
        #expect(error == .notFound(path: "/no/such/session.json"))
        #expect(error?.description.contains("does not exist") == true)
    }

    @Test(arguments: [
        ("", "is damaged: the file is empty"),
        ("{\"format\" : \"koers-session/1\", \"answers\" : {", "is damaged: it is not valid JSON"),
        ("[1, 2]", "is not a Koers session file: it has no \"format\": \"koers-session/1\""),
        ("{\"name\" : \"x\"}", "is not a Koers session file: it has no \"format\""),
        ("{\"format\" : \"koers-session/2\"}", "has format 'koers-session/2', which this version of Koers cannot read"),
    ])
    func aBrokenFileIsAClearError(contents: String, expected: String) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.json").path
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        let error = #expect(throws: SessionError.self) { try SessionStore(path: path).load() }
        let message = error?.description ?? ""
        #expect(message.contains("'\(path)'"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test func aWrongValueNamesItsPlaceInTheFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.json").path
        let good = String(
            decoding: try SessionStore.encode(try SessionFileTests.everyKind(), path: path),
            as: UTF8.self
        )
        try good.replacingOccurrences(of: "\"125000.50\"", with: "\"125.000,50\"").write(
            toFile: path,
            atomically: false,
            encoding: .utf8
        )
        let error = #expect(throws: SessionError.self) { try SessionStore(path: path).load() }
        #expect(
            error?.description
                == "session file '\(path)' has an invalid entry at answers.amount.value: '125.000,50' is not a decimal "
                + "number such as \"125000.50\"; correct or remove that entry"
        )
    }

    @Test func aTruncatedFileIsCorruptNotACrash() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.json").path
        let data = try SessionStore.encode(try SessionFileTests.everyKind(), path: path)
        for length in stride(from: 1, to: data.count - 2, by: max(1, data.count / 40)) {
            try data.prefix(length).write(to: URL(fileURLWithPath: path))
            #expect(throws: SessionError.self) { try SessionStore(path: path).load() }
        }
    }
}
