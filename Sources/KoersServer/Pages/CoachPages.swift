import Foundation
import Hummingbird
import KoersCore
import KoersExpression
import KoersStorage

extension PageHandlers {
    /// `GET /`: the packs, each with a button that starts an anonymous session.
    func home(visit: PageVisit) -> Response {
        let packs = services.packs.packs.map { loaded in
            let summary = PackSummary(loaded.pack, language: visit.language)
            var entry: [String: Any] = [
                "id": summary.id, "title": summary.title, "version": summary.version,
                "questionCount": summary.questionCount,
            ]
            if let description = summary.description { entry["description"] = description }
            let today = CalendarDate.today().description
            entry["defaultDate"] = today
            if let until = summary.validUntil {
                entry["validUntil"] = PageDates.day(until, language: visit.language)
                if until < today { entry["defaultDate"] = until }
            }
            return entry
        }
        return page("home", title: visit.texts["choosePack"], ["packs": packs], visit: visit)
    }

    /// `POST /start`: an anonymous session of a pack; its resume link is the access.
    /// Past the number of sessions an address may start, 429 with `Retry-After` and a page
    /// that says so.
    func start(form: FormData, visit: PageVisit, client: String? = nil) async throws(ServiceError) -> Response {
        let created: CreatedSession
        do throws(ServiceError) {
            created = try await services.sessions.createAnonymous(
                NewSession(packID: form["pack"] ?? "", evaluationDate: Self.date(form), language: visit.language),
                from: client
            )
        } catch .tooManyRequests(_, let wait) {
            var response = message(
                visit.texts["errorTitle"], visit.texts["anonymousThrottled"], visit: visit, status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let token = created.resumeToken else { throw .unavailable("no resume token") }
        return redirect("/r/\(token)", visit: visit)
    }

    /// `GET /login`: the form, with the token its cookie holds (a new one when the browser has
    /// none), which `POST /login` must send back.
    func loginPage(visit: PageVisit, email: String = "", error: String? = nil) -> Response {
        let formToken = visit.loginFormToken.flatMap { $0.count >= 32 ? $0 : nil } ?? Tokens.generate()
        var context: [String: Any] = ["email": email, "csrf": formToken]
        if let error { context["error"] = error }
        var response = page(
            "login", title: visit.texts["coachLogin"], context, visit: visit,
            status: error == nil ? .ok : .unauthorized
        )
        if formToken != visit.loginFormToken {
            response.setCookie(cookie(PageCookies.loginForm, formToken, maxAge: nil))
        }
        return response
    }

    /// `POST /login`: sets the login cookie (HTTP-only, SameSite=Lax, Secure when configured).
    /// Failed logins are counted per client address and per account; past the limit the page
    /// says so with 429 and `Retry-After`.
    /// A form without the token of the login form's cookie (sent from another site, or after
    /// the browser dropped the cookie) gets the "form expired" page, before any password check.
    func login(form: FormData, visit: PageVisit, client: String? = nil) async throws(ServiceError) -> Response {
        guard loginFormMatches(form, visit) else { return formExpired(visit) }
        let email = form["email"] ?? ""
        let grant: LoginGrant
        do throws(ServiceError) {
            grant = try await services.accounts.login(email: email, password: form.all("password").first ?? "", from: client)
        } catch .unauthorized {
            return loginPage(visit: visit, email: email, error: visit.texts["loginFailed"])
        } catch .tooManyRequests(_, let wait) {
            var response = loginPage(visit: visit, email: email, error: visit.texts["loginThrottled"])
            response.status = .tooManyRequests
            response.headers[.retryAfter] = String(wait)
            return response
        }
        var response = redirect("/organisations", visit: visit)
        let lifetime = Int(grant.login.expiresAt.timeIntervalSince(grant.login.createdAt))
        response.setCookie(cookie(PageCookies.login, grant.token, maxAge: max(lifetime, 60)))
        return response
    }

    /// `POST /logout`: ends the login and clears the cookie.
    func logout(form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        if let token = visit.loginToken, visit.coach != nil {
            guard csrfMatches(form, visit) else { return formExpired(visit) }
            try await services.accounts.logout(token: token)
        }
        var response = redirect("/", visit: visit)
        response.setCookie(cookie(PageCookies.login, "", maxAge: 0))
        return response
    }

    /// `GET /organisations`.
    func organisations(visit: PageVisit, name: String = "", error: String? = nil) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let list = try await services.organisations.list(access: access)
        var context: [String: Any] = [
            "organisations": list.map { ["id": $0.id, "name": $0.name] },
            "hasOrganisations": !list.isEmpty, "name": name,
        ]
        if let error { context["error"] = error }
        return page(
            "organisations", title: visit.texts["organisations"], context, visit: visit,
            status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /organisations`.
    func createOrganisation(form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let name = form["name"] ?? ""
        guard !name.isEmpty else { return try await organisations(visit: visit, name: name, error: visit.texts["nameRequired"]) }
        do throws(ServiceError) {
            let organisation = try await services.organisations.create(name: name, access: access)
            return redirect("/organisations/\(organisation.id)", visit: visit)
        } catch .invalid(let summary, let problems) {
            return try await organisations(visit: visit, name: name, error: problems.first?.message(in: visit.language) ?? summary)
        }
    }

    /// `GET /organisations/{id}`: its sessions, comparison, share links and forms.
    func organisation(_ id: String, visit: PageVisit, error: String? = nil) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let organisation = try await services.organisations.get(id: id, access: access)
        let sessions = try await services.sessions.list(organisationID: id, access: access)
        let links = try await services.shareLinks.list(organisationID: id, access: access)
        let t = visit.texts
        let titles = Dictionary(
            services.packs.packs.map { ($0.id, $0.pack.manifest.title.text(in: visit.language)) },
            uniquingKeysWith: { a, _ in a }
        )
        let labels = Dictionary(sessions.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        var sessionRows: [[String: Any]] = []
        for session in sessions {
            let state = try await services.sessions.state(id: session.id, access: access, language: visit.language)
            sessionRows.append([
                "id": session.id, "label": session.label, "packTitle": titles[session.packId] ?? session.packId,
                "created": Self.shown(session.createdAt, language: visit.language),
                "status": state.complete ? t["complete"] : "\(t["inProgress"]) (\(state.progress.answered)/\(state.progress.total))",
            ])
        }
        let linkRows: [[String: Any]] = links.map { link in
            let status = link.revokedAt != nil ? t["revoked"] : (link.active ? t["active"] : t["expired"])
            return [
                "id": link.id, "sessions": link.sessionIds.map { labels[$0] ?? $0 }.joined(separator: " → "),
                "created": Self.shown(link.createdAt, language: visit.language),
                "expires": link.expiresAt.map { Self.shown($0, language: visit.language) } ?? t["never"],
                "status": status, "canRevoke": link.active,
            ]
        }
        var context: [String: Any] = [
            "organisation": ["id": organisation.id, "name": organisation.name],
            "sessions": sessionRows, "hasSessions": !sessionRows.isEmpty, "canCompare": sessionRows.count >= 2,
            "links": linkRows, "hasLinks": !linkRows.isEmpty,
            "packs": services.packs.packs.map { ["id": $0.id, "title": titles[$0.id] ?? $0.id] },
            "today": CalendarDate.today().description,
        ]
        if let error { context["error"] = error }
        return page(
            "organisation", title: organisation.name, context, visit: visit,
            status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /organisations/{id}/sessions`: a session of a pack with a label.
    func createSession(organisationID: String, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        do throws(ServiceError) {
            let state = try await services.sessions.create(
                NewSession(
                    packID: form["pack"] ?? "", label: form["label"] ?? "", evaluationDate: Self.date(form),
                    language: visit.language, startFrom: form["startFrom"].flatMap { $0.isEmpty ? nil : $0 }
                ),
                organisationID: organisationID,
                access: access
            )
            return redirect("/sessions/\(state.session.id)", visit: visit)
        } catch .invalid(let summary, let problems) {
            return try await organisation(organisationID, visit: visit, error: problems.first?.message(in: visit.language) ?? summary)
        }
    }

    /// `GET /organisations/{id}/compare?baseline=…&followup=…`: the comparison report.
    func compare(organisationID: String, query: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        _ = try await services.organisations.get(id: organisationID, access: access)
        let ids = [query["baseline"] ?? "", query["followup"] ?? ""]
        do throws(ServiceError) {
            let report = try await services.reports.report(sessionIDs: ids, format: .html, language: visit.language, access: access)
            return html(report.body, visit: visit)
        } catch .invalid(let summary, let problems) {
            return try await organisation(organisationID, visit: visit, error: problems.first?.message(in: visit.language) ?? summary)
        }
    }

    /// The evaluation date a form gives, or `nil` for today.
    static func date(_ form: FormData) -> String? {
        guard let text = form["date"], !text.isEmpty else { return nil }
        return text
    }
}
