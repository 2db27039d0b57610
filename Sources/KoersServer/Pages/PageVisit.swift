import Foundation
import Hummingbird
import KoersStorage
import NIOCore

/// What a page request brings: the language, the coach logged in (if any), and the form.
struct PageVisit: Sendable {
    /// `nl` or `en`.
    var language: String
    /// Whether the language came from `?lang=` and should be remembered in a cookie.
    var rememberLanguage: Bool
    /// The coach logged in through the login cookie, with the login's CSRF token.
    var coach: AuthenticatedCoach?
    /// The login cookie's token, when there is one.
    var loginToken: String?
    /// The request path, for the language switch; `nil` for a form's answer page (a POST),
    /// which cannot be opened again by its address.
    var path: String?
    /// The address the pages are reached at, such as `http://127.0.0.1:8080`.
    var baseURL: String
    /// The login form's token from its cookie, when the browser sent one that looks like a token.
    var loginFormToken: String?

    /// The texts of the visit's language.
    var texts: PageTexts { PageTexts(language: language) }

    /// The access a coach visit gives.
    var access: Access? { coach.map { .coach($0.coach) } }
}

/// A submitted form over the body limit, with the fields of the part that was read.
struct FormTooLarge: Error, Sendable {
    /// The fields read before the limit; the last one is cut short.
    let partial: FormData
}

/// The cookies the pages set.
enum PageCookies {
    /// The login token of a coach.
    static let login = "koers_login"
    /// The language chosen with `?lang=`.
    static let language = "koers_lang"
    /// The token the login form must send back (a login has no login token of its own yet, so
    /// the login form is protected by this cookie and a hidden field with the same value).
    static let loginForm = "koers_login_form"
}

extension PageHandlers {
    /// Reads the visit from a request: `?lang=` over the language cookie over Dutch, and the
    /// coach from the login cookie (an unknown or expired login counts as none).
    func visit(_ request: Request, _ context: some RequestContext) async -> PageVisit {
        let query = FormData(request.uri.query ?? "")
        let cookies = request.cookies
        var language = "nl"
        var remember = false
        if let asked = query["lang"], PageTexts.languages.contains(asked) {
            language = asked
            remember = cookies[PageCookies.language]?.value != asked
        } else if let saved = cookies[PageCookies.language]?.value, PageTexts.languages.contains(saved) {
            language = saved
        }
        var coach: AuthenticatedCoach?
        let token = cookies[PageCookies.login]?.value
        if let token, !token.isEmpty {
            coach = try? await services.accounts.authenticate(token: token)
        }
        return PageVisit(
            language: language,
            rememberLanguage: remember,
            coach: coach,
            loginToken: token,
            path: Self.switchablePath(request),
            baseURL: baseURL((context as? KoersRequestContext)?.localAddress),
            loginFormToken: cookies[PageCookies.loginForm]?.value.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        )
    }

    /// The path the language switch links to: a GET request's own path, never one that a
    /// browser would read as another host (`//host`).
    private static func switchablePath(_ request: Request) -> String? {
        let path = request.uri.path
        guard request.method == .get, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return nil }
        return path
    }

    /// The public address: the configured one (`--public-url`), else the address the server
    /// was reached at on its own socket. Never the request's `Host`: anyone can send any `Host`,
    /// and a resume or share link pointing at another site would hand it the token.
    private func baseURL(_ local: SocketAddress?) -> String {
        if let configured = settings.publicBaseURL { return configured }
        let scheme = settings.secureCookies ? "https://" : "http://"
        guard let local, let ip = local.ipAddress, let port = local.port else { return scheme + "localhost" }
        return scheme + (ip.contains(":") ? "[\(ip)]" : ip) + ":\(port)"
    }

    /// Reads a submitted form, at most the server's body limit.
    ///
    /// - Throws: ``FormTooLarge`` with the fields of the part that was read, so that the page
    ///   can say so (413) and give back what was typed, instead of reading the form as empty.
    func form(_ request: Request) async throws(FormTooLarge) -> FormData {
        let limit = settings.formLimit
        var buffer = ByteBuffer()
        do {
            for try await chunk in request.body {
                if buffer.readableBytes + chunk.readableBytes > limit {
                    var piece = chunk
                    if let rest = piece.readSlice(length: limit - buffer.readableBytes) { buffer.writeImmutableBuffer(rest) }
                    throw FormTooLarge(partial: FormData(String(decoding: buffer.readableBytesView, as: UTF8.self)))
                }
                buffer.writeImmutableBuffer(chunk)
            }
        } catch let error as FormTooLarge {
            throw error
        } catch {
            return FormData("")
        }
        return FormData(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The page for a form over the body limit: 413, in the page's language, with the text
    /// fields that were read (the last one cut short) to copy, and nothing saved.
    func formTooLarge(_ error: FormTooLarge, visit: PageVisit) -> Response {
        let hidden: Set<String> = ["csrf", "question", "pack", "score", "session", "special"]
        let shown = error.partial.fields.filter { !hidden.contains($0.name) && !$0.value.isEmpty }
        let fields = shown.enumerated().map { index, field -> [String: Any] in
            [
                "index": index, "name": visit.texts.fieldName(field.name), "value": field.value,
                "cut": index == shown.count - 1,
            ]
        }
        var context: [String: Any] = [
            "heading": visit.texts["formTooLargeTitle"], "message": visit.texts["formTooLargeText"],
        ]
        if !fields.isEmpty { context["kept"] = ["fields": fields] }
        return page("message", title: visit.texts["formTooLargeTitle"], context, visit: visit, status: .contentTooLarge)
    }

    /// Whether a coach's form carries the login's CSRF token.
    func csrfMatches(_ form: FormData, _ visit: PageVisit) -> Bool {
        guard let expected = visit.coach?.login.csrfToken, let given = form["csrf"] else { return false }
        return Self.sameSecret(expected, given)
    }

    /// Whether the login form carries the token of its own cookie (double submit: a page of
    /// another site can send the form, but cannot read or set the cookie).
    func loginFormMatches(_ form: FormData, _ visit: PageVisit) -> Bool {
        guard let expected = visit.loginFormToken, !expected.isEmpty, let given = form["csrf"] else { return false }
        return Self.sameSecret(expected, given)
    }

    /// Compares two secrets in time that depends only on their length.
    private static func sameSecret(_ expected: String, _ given: String) -> Bool {
        let a = Array(expected.utf8)
        let b = Array(given.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// A cookie with the attributes every page cookie has.
    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: maxAge,
            path: "/",
            secure: settings.secureCookies,
            httpOnly: true,
            sameSite: .lax
        )
    }
}
