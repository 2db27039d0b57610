import Foundation
import HTTPTypes
import Hummingbird
import KoersStorage
import NIOCore

/// The pages of account management (administrators), of changing one's own password, and of
/// an organisation's data (export, download, import, deletion with a confirmation step).
///
/// | path | what |
/// | --- | --- |
/// | `GET`/`POST /account/password` | change one's own password (every role) |
/// | `GET`/`POST /accounts` | the accounts, and a new one (administrators) |
/// | `GET /accounts/{id}`, `POST /accounts/{id}/…` | one account: role, (de)activation, password, organisations |
/// | `GET /organisations/{id}/export` | the organisation's data as JSON (members, a reviewer too) |
/// | `POST /organisations/{id}/import` | a session or answers file as a new session (upload form) |
/// | `GET`/`POST /organisations/{id}/delete` | confirm, then delete the organisation |
/// | `GET /sessions/{id}/file` | the session as a `koers-session/1` file |
/// | `GET`/`POST /sessions/{id}/delete` | confirm, then delete the session |
enum AccountPageRoutes {
    /// The paths a reviewer may send a form to: logging out and their own password.
    static let readerForms: Set<String> = ["/logout", "/account/password"]

    /// Adds the pages to a router.
    static func add<Context: RequestContext>(to router: Router<Context>, pages: PageHandlers) {
        router.get("/account/password") { request, context in
            await pages.respond(request, context) { visit in pages.passwordPage(visit: visit) }
        }
        router.post("/account/password") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.changePassword(form: await pages.form(request), visit: visit)
            }
        }
        router.get("/accounts") { request, context in
            await pages.respond(request, context) { visit in try await pages.accountsPage(visit: visit) }
        }
        router.post("/accounts") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.addAccount(form: await pages.form(request), visit: visit)
            }
        }
        router.get("/accounts/{id}") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.accountPage(context.parameters.get("id") ?? "", visit: visit)
            }
        }
        router.post("/accounts/{id}/{action}") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.changeAccount(
                    context.parameters.get("id") ?? "", action: context.parameters.get("action") ?? "",
                    form: await pages.form(request), visit: visit
                )
            }
        }
        router.get("/organisations/{id}/export") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.exportOrganisation(context.parameters.get("id") ?? "", visit: visit)
            }
        }
        router.post("/organisations/{id}/import") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.importSession(context.parameters.get("id") ?? "", request: request, visit: visit)
            }
        }
        router.get("/organisations/{id}/delete") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.confirmOrganisationDeletion(context.parameters.get("id") ?? "", visit: visit)
            }
        }
        router.post("/organisations/{id}/delete") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.deleteOrganisation(
                    context.parameters.get("id") ?? "", form: await pages.form(request), visit: visit
                )
            }
        }
        router.get("/sessions/{id}/file") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.downloadSession(context.parameters.get("id") ?? "", visit: visit)
            }
        }
        router.get("/sessions/{id}/delete") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.confirmSessionDeletion(context.parameters.get("id") ?? "", visit: visit)
            }
        }
        router.post("/sessions/{id}/delete") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.deleteSession(context.parameters.get("id") ?? "", form: await pages.form(request), visit: visit)
            }
        }
    }
}

extension PageHandlers {
    // MARK: Own password

    /// `GET /account/password`.
    func passwordPage(visit: PageVisit, error: String? = nil, done: Bool = false) -> Response {
        guard visit.coach != nil else { return redirect("/login", visit: visit) }
        var context: [String: Any] = [:]
        if let error { context["error"] = error }
        if done { context["done"] = true }
        return page(
            "password", title: visit.texts["changePassword"], context, visit: visit,
            status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /account/password`: the current password, the new one twice.
    func changePassword(form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let login = visit.coach else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let new = form.all("newPassword").first ?? ""
        guard new == (form.all("repeatPassword").first ?? "") else {
            return passwordPage(visit: visit, error: visit.texts["passwordsDiffer"])
        }
        do throws(ServiceError) {
            try await services.accounts.changeOwnPassword(
                current: form.all("currentPassword").first ?? "", new: new, login: login
            )
        } catch .invalid(let summary, let problems) {
            return passwordPage(visit: visit, error: Self.messages(problems, summary, visit))
        }
        return passwordPage(visit: visit, done: true)
    }

    // MARK: Administrators

    /// `GET /accounts`: every account and the form for a new one.
    func accountsPage(visit: PageVisit, form: FormData? = nil, error: String? = nil) async throws(ServiceError)
        -> Response
    {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let accounts = try await services.accounts.accounts(access: access)
        let t = visit.texts
        let rows: [[String: Any]] = accounts.map { account in
            [
                "id": account.id, "email": account.email, "name": account.name, "role": t["role.\(account.role.rawValue)"],
                "status": account.active ? t["accountActive"] : t["accountDeactivated"], "inactive": !account.active,
                "organisations": account.organisations.map(\.name).joined(separator: ", "),
            ]
        }
        var context: [String: Any] = [
            "accounts": rows, "roles": Self.roleOptions(selected: form?["role"].flatMap(AccountRole.init) ?? .coach, visit),
            "email": form?["email"] ?? "", "name": form?["name"] ?? "",
        ]
        if let error { context["error"] = error }
        return page(
            "accounts", title: t["accounts"], context, visit: visit, status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /accounts`: a new account with a role and a first password.
    func addAccount(form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        guard let role = form["role"].flatMap(AccountRole.init) else {
            return try await accountsPage(visit: visit, form: form, error: visit.texts["chooseRole"])
        }
        do throws(ServiceError) {
            let account = try await services.accounts.addAccount(
                email: form["email"] ?? "", name: form["name"] ?? "", password: form.all("password").first ?? "",
                role: role, access: access
            )
            return redirect("/accounts/\(account.id)", visit: visit)
        } catch .invalid(let summary, let problems) {
            return try await accountsPage(visit: visit, form: form, error: Self.messages(problems, summary, visit))
        } catch .conflict(let detail) {
            return try await accountsPage(visit: visit, form: form, error: Self.conflictText(detail, visit))
        }
    }

    /// `GET /accounts/{id}`: one account with the forms that change it.
    func accountPage(_ id: String, visit: PageVisit, error: String? = nil, notice: String? = nil)
        async throws(ServiceError) -> Response
    {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let account = try await services.accounts.account(id: id, access: access)
        let all = try await services.accounts.allOrganisations(access: access)
        let t = visit.texts
        let memberOf = Set(account.organisations.map(\.id))
        var context: [String: Any] = [
            "account": [
                "id": account.id, "email": account.email, "name": account.name,
                "role": t["role.\(account.role.rawValue)"], "active": account.active,
                "status": account.active ? t["accountActive"] : t["accountDeactivated"],
                "created": Self.shown(account.createdAt, language: visit.language),
                "deactivated": account.deactivatedAt.map { Self.shown($0, language: visit.language) } ?? "",
            ] as [String: Any],
            "isSelf": account.id == visit.coach?.coach.id,
            "roles": Self.roleOptions(selected: account.role, visit),
            "memberships": account.organisations.map { ["id": $0.id, "name": $0.name] },
            "others": all.filter { !memberOf.contains($0.id) }.map { ["id": $0.id, "name": $0.name] },
        ]
        context["hasOthers"] = !(context["others"] as? [[String: String]] ?? []).isEmpty
        if let error { context["error"] = error }
        if let notice { context["notice"] = notice }
        return page(
            "account", title: account.email, context, visit: visit, status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /accounts/{id}/{action}`: `role`, `deactivate`, `reactivate`, `password`,
    /// `assign` (field `organisation`) or `unassign` (field `organisation`).
    func changeAccount(_ id: String, action: String, form: FormData, visit: PageVisit) async throws(ServiceError)
        -> Response
    {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let t = visit.texts
        do throws(ServiceError) {
            switch action {
            case "role":
                guard let role = form["role"].flatMap(AccountRole.init) else {
                    return try await accountPage(id, visit: visit, error: t["chooseRole"])
                }
                _ = try await services.accounts.setRole(role, accountID: id, access: access)
            case "deactivate", "reactivate":
                _ = try await services.accounts.setActive(action == "reactivate", accountID: id, access: access)
            case "password":
                _ = try await services.accounts.resetPassword(
                    accountID: id, to: form.all("password").first ?? "", access: access
                )
            case "assign", "unassign":
                let organisation = form["organisation"] ?? ""
                if action == "assign" {
                    try await services.accounts.assign(accountID: id, toOrganisation: organisation, access: access)
                } else {
                    try await services.accounts.unassign(accountID: id, fromOrganisation: organisation, access: access)
                }
            default:
                return notFound(visit)
            }
        } catch .invalid(let summary, let problems) {
            return try await accountPage(id, visit: visit, error: Self.messages(problems, summary, visit))
        } catch .conflict(let detail) {
            return try await accountPage(id, visit: visit, error: Self.conflictText(detail, visit))
        }
        return try await accountPage(id, visit: visit, notice: t["saved"])
    }

    // MARK: The organisation's data

    /// `GET /organisations/{id}/export`: the JSON document as a download.
    func exportOrganisation(_ id: String, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let export = try await services.organisationData.export(organisationID: id, access: access)
        let data: Data
        do {
            data = try APIIO.encoder.encode(export)
        } catch {
            throw .failed("the export cannot be written as JSON: \(error)")
        }
        let name = OrganisationDataService.fileName(label: export.organisation.name, packID: "export")
        return download(data, fileName: name)
    }

    /// `GET /sessions/{id}/file`: the `koers-session/1` file as a download.
    func downloadSession(_ id: String, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let file = try await services.organisationData.download(sessionID: id, access: access)
        return download(file.data, fileName: file.fileName)
    }

    /// `POST /organisations/{id}/import`: the upload form (`multipart/form-data`) with `file`,
    /// `label` and `pack`; a file that cannot be used is named on the organisation's page and
    /// nothing is stored.
    func importSession(_ id: String, request: Request, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: settings.formLimit)
        } catch {
            return message(visit.texts["formTooLargeTitle"], visit.texts["importTooLarge"], visit: visit, status: .contentTooLarge)
        }
        let upload = MultipartForm(contentType: request.headers[.contentType], body: Data(body.readableBytesView))
        var csrf = FormData("")
        csrf.fields = [("csrf", upload?["csrf"] ?? "")]
        guard let upload, csrfMatches(csrf, visit) else { return formExpired(visit) }
        guard let file = upload.file("file"), !file.data.isEmpty else {
            return try await organisation(id, visit: visit, error: visit.texts["importNoFile"])
        }
        guard let text = String(validating: file.data, as: UTF8.self) else {
            return try await organisation(id, visit: visit, error: visit.texts["importNotText"])
        }
        do throws(ServiceError) {
            let state = try await services.organisationData.importSession(
                text: text, fileName: file.fileName ?? "upload", organisationID: id, label: upload["label"] ?? "",
                packID: upload["pack"], access: access
            )
            return redirect("/sessions/\(state.session.id)/result", visit: visit)
        } catch .invalid(let summary, let problems) {
            let shown = visit.texts["importFailed"] + " " + Self.messages(problems, summary, visit)
            return try await organisation(id, visit: visit, error: shown)
        }
    }

    /// `GET /organisations/{id}/delete`: what deleting removes, and the form that confirms it.
    func confirmOrganisationDeletion(_ id: String, visit: PageVisit, error: String? = nil) async throws(ServiceError)
        -> Response
    {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        try access.requireWriter()
        let export = try await services.organisationData.export(organisationID: id, access: access)
        var context: [String: Any] = [
            "organisation": ["id": export.organisation.id, "name": export.organisation.name],
            "sessionCount": export.sessions.count, "linkCount": export.shareLinks.count,
            "memberCount": export.members.count,
            "sessions": export.sessions.map { ["label": $0.label, "pack": $0.packId] },
        ]
        if let error { context["error"] = error }
        return page(
            "delete-organisation", title: visit.texts["deleteOrganisationTitle"], context, visit: visit,
            status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// `POST /organisations/{id}/delete`: deletes when the typed name matches.
    func deleteOrganisation(_ id: String, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let organisation = try await services.organisations.get(id: id, access: access)
        guard (form["confirmName"] ?? "") == organisation.name else {
            return try await confirmOrganisationDeletion(id, visit: visit, error: visit.texts["nameMismatch"])
        }
        try await services.organisationData.deleteOrganisation(id, access: access)
        return message(
            visit.texts["deletedTitle"], visit.texts["organisationDeleted"], visit: visit, status: .ok,
            link: ("/organisations", visit.texts["organisations"])
        )
    }

    /// `GET /sessions/{id}/delete`: what deleting removes, and the form that confirms it.
    func confirmSessionDeletion(_ id: String, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        let state = try await services.sessions.state(id: id, access: access, language: visit.language)
        try access.requireWriter()
        let links = try await services.shareLinks.list(organisationID: state.session.organisationId ?? "", access: access)
        let context: [String: Any] = [
            "session": [
                "id": state.session.id, "label": state.session.label, "pack": state.pack.title,
                "answerCount": state.session.answerCount,
                "created": Self.shown(state.session.createdAt, language: visit.language),
            ] as [String: Any],
            "organisationId": state.session.organisationId ?? "",
            "linkCount": links.filter { $0.sessionIds.contains(id) }.count,
        ]
        return page("delete-session", title: visit.texts["deleteSessionTitle"], context, visit: visit)
    }

    /// `POST /sessions/{id}/delete`.
    func deleteSession(_ id: String, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let state = try await services.sessions.state(id: id, access: access, language: visit.language)
        try await services.organisationData.deleteSession(id, access: access)
        let back = state.session.organisationId.map { "/organisations/\($0)" } ?? "/organisations"
        return message(
            visit.texts["deletedTitle"], visit.texts["sessionDeleted"], visit: visit, status: .ok,
            link: (back, visit.texts["back"])
        )
    }

    // MARK: Helpers

    /// The 403 page for a reviewer's form, or for a coach on an administrator's page.
    func forbidden(_ error: ServiceError, visit: PageVisit) -> Response {
        let t = visit.texts
        let text = visit.coach.map { $0.coach.role == .reviewer } == true ? t["readOnlyText"] : t["adminOnlyText"]
        return message(t["forbiddenTitle"], text, visit: visit, status: .forbidden)
    }

    private func download(_ data: Data, fileName: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        for (name, value) in Self.securityHeaders {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func roleOptions(selected: AccountRole, _ visit: PageVisit) -> [[String: Any]] {
        AccountRole.allCases.map { role in
            ["value": role.rawValue, "name": visit.texts["role.\(role.rawValue)"], "selected": role == selected]
        }
    }

    private static func messages(_ problems: [FieldProblem], _ summary: String, _ visit: PageVisit) -> String {
        problems.isEmpty ? summary : problems.map { $0.message(in: visit.language) }.joined(separator: " ")
    }

    private static func conflictText(_ detail: String, _ visit: PageVisit) -> String {
        if detail.contains("last active administrator") { return visit.texts["lastAdministrator"] }
        if detail.contains("your own account") { return visit.texts["notYourself"] }
        if detail.contains("e-mail address") { return visit.texts["emailInUse"] }
        return visit.texts["conflictText"]
    }
}
