import Foundation
import KoersServer
import KoersTestSupport
import Testing

/// Resume and share links are built from `--public-url`, else from the server's own address,
/// never from the `Host` a request brings (a forged `Host` would send the token elsewhere).
@Suite("Links and the public address", .serialized)
struct PublicAddressTests {
    /// Starts an anonymous session through the pages with `host` as the `Host` header (sent by
    /// Python's http.client, which sends exactly the header it is given) and returns the
    /// resume page's text.
    private func resumePage(at base: URL, host: String) throws -> String {
        let script = """
            import http.client, sys, urllib.parse
            target = urllib.parse.urlsplit(sys.argv[1])
            def request(method, path, body=None):
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                connection.putrequest(method, path, skip_host=True)
                connection.putheader("Host", sys.argv[2])
                if body is not None:
                    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
                    connection.putheader("Content-Length", str(len(body)))
                connection.endheaders(body.encode() if body is not None else None)
                response = connection.getresponse()
                return response.status, response.getheader("Location"), response.read().decode()
            status, location, _ = request("POST", "/start", "pack=set-eligibility")
            assert status == 303, status
            status, next_location, text = request("GET", location)
            while status == 303:
                status, next_location, text = request("GET", next_location)
            assert status == 200, status
            print(text)
            """
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, base.absoluteString, host], in: folder
        )
        try #require(output.status == 0, "\(output.standardError)")
        return output.standardOutput
    }

    private func resumeLink(in page: String) -> String? {
        APIClient.match(#"id="resume-link" href="([^"]+)""#, in: page)
    }

    @Test("without --public-url a forged Host is not used: the resume link has the server's own address")
    func forgedHostIsIgnoredWithoutPublicURL() async throws {
        let server = try await TestServer(.sqlite)
        let base = try #require(server.server.baseURL)
        let page = try resumePage(at: base, host: "evil.example")
        let link = try #require(resumeLink(in: page), "\(page.prefix(2000))")
        #expect(!page.contains("evil.example"), "\(link)")
        var own = base.absoluteString
        if own.hasSuffix("/") { own.removeLast() }
        #expect(link.hasPrefix(own + "/r/"), "\(link) does not start with \(own)")
    }

    @Test("with --public-url the links use it, whatever Host the request brings")
    func publicURLIsUsedForLinks() async throws {
        let server = try await TestServer(.sqlite, extraArguments: ["--public-url", "https://koers.example.nl/"])
        let base = try #require(server.server.baseURL)
        let page = try resumePage(at: base, host: "evil.example")
        let link = try #require(resumeLink(in: page), "\(page.prefix(2000))")
        #expect(link.hasPrefix("https://koers.example.nl/r/"), "\(link)")
        #expect(!page.contains("evil.example"))
    }
}
