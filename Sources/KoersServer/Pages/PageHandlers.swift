import Foundation
import HTTPTypes
import Hummingbird
import KoersStorage
import NIOCore

/// The HTML pages' request handlers: each reads the visit, calls the services with the access
/// the visit gives, and renders a template. HTTP-independent rules live in the services.
struct PageHandlers: Sendable {
    /// The services.
    let services: KoersServices
    /// The templates.
    let templates: PageTemplates
    /// The settings.
    let settings: PageSettings

    /// The security headers of every page: no framing, no sniffing, no referrer (resume and
    /// share tokens are in URLs), and only this site's own script and forms.
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy",
         "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// A page: the body template inside the layout, with the navigation and the texts.
    ///
    /// - Parameters:
    ///   - name: The body template.
    ///   - title: The page title.
    ///   - context: The template values.
    ///   - visit: The visit.
    ///   - status: The HTTP status.
    ///   - navigation: Whether to show the site navigation (a share link's page has none).
    /// - Returns: The response.
    func page(
        _ name: String,
        title: String,
        _ context: [String: Any] = [:],
        visit: PageVisit,
        status: HTTPResponse.Status = .ok,
        navigation: Bool = true
    ) -> Response {
        var values = context
        values["t"] = visit.texts.all
        values["lang"] = visit.language
        values["title"] = title
        values["showNav"] = navigation
        values["script"] = true
        let other = visit.language == "nl" ? "en" : "nl"
        values["otherLang"] = other
        if let path = visit.path { values["languageSwitch"] = "\(path)?lang=\(other)" }
        if let coach = visit.coach, navigation {
            values["coach"] = [
                "displayName": coach.coach.displayName, "csrf": coach.login.csrfToken,
                "role": visit.texts["role.\(coach.coach.role.rawValue)"],
                "isAdministrator": coach.coach.role.canManageAccounts,
            ] as [String: Any]
            values["canWrite"] = coach.coach.role.canWrite
        }
        if let coach = visit.coach { values["csrf"] = values["csrf"] ?? coach.login.csrfToken }
        return html(templates.page(name, values), status: status, visit: visit)
    }

    /// An HTML response with the security headers (and the language cookie when it changed).
    func html(_ text: String, status: HTTPResponse.Status = .ok, visit: PageVisit) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        for (name, value) in Self.securityHeaders {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        var response = Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        remember(visit, in: &response)
        return response
    }

    /// A redirect after a form (303, so the browser follows with GET).
    func redirect(_ location: String, visit: PageVisit) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        var response = Response(status: .seeOther, headers: headers)
        remember(visit, in: &response)
        return response
    }

    private func remember(_ visit: PageVisit, in response: inout Response) {
        if visit.rememberLanguage {
            response.setCookie(cookie(PageCookies.language, visit.language, maxAge: 365 * 24 * 60 * 60))
        }
    }

    /// A page with a heading and one paragraph, such as "not found".
    func message(
        _ heading: String,
        _ text: String,
        visit: PageVisit,
        status: HTTPResponse.Status,
        link: (href: String, text: String)? = nil,
        navigation: Bool = true
    ) -> Response {
        var context: [String: Any] = ["heading": heading, "message": text]
        if let link { context["link"] = ["href": link.href, "text": link.text] }
        return page("message", title: heading, context, visit: visit, status: status, navigation: navigation)
    }

    /// The page for "does not exist, or you may not see it".
    func notFound(_ visit: PageVisit) -> Response {
        message(visit.texts["notFoundTitle"], visit.texts["notFoundText"], visit: visit, status: .notFound)
    }

    /// The page for a service error that the handler does not show in a form: not found, a
    /// login that is needed, a conflict, an unavailable database; never a stack trace.
    func failure(_ error: ServiceError, visit: PageVisit) -> Response {
        let t = visit.texts
        switch error {
        case .notFound: return notFound(visit)
        case .forbidden: return forbidden(error, visit: visit)
        case .unauthorized: return redirect("/login", visit: visit)
        case .conflict, .preconditionFailed: return message(t["errorTitle"], t["conflictText"], visit: visit, status: .conflict)
        case .badRequest, .invalid:
            return message(t["errorTitle"], error.fieldProblems.first?.message(in: visit.language) ?? error.description, visit: visit, status: .badRequest)
        case .unavailable: return message(t["errorTitle"], t["errorText"], visit: visit, status: .serviceUnavailable)
        case .failed: return message(t["errorTitle"], t["errorText"], visit: visit, status: .internalServerError)
        case .tooManyRequests(_, let wait):
            var response = message(t["errorTitle"], t["loginThrottled"], visit: visit, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
    }

    /// The page for a coach's form without a valid CSRF token.
    func formExpired(_ visit: PageVisit) -> Response {
        message(visit.texts["formExpiredTitle"], visit.texts["formExpiredText"], visit: visit, status: .forbidden)
    }

    /// A date and time as the pages show it: `23 november 2026 14:05` (UTC).
    static func shown(_ date: Date, language: String) -> String {
        PageDates.moment(date, language: language)
    }
}
