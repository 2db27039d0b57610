import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersExpression
import KoersSession
import KoersStorage

/// The handlers of the API's routes: each reads the request, works out who asks, calls the
/// services and writes JSON (or a report).
struct APIHandlers: Sendable {
    let services: KoersServices
    /// The OpenAPI document, served as is.
    let openAPIDocument: Data

    var authentication: APIAuthentication { APIAuthentication(accounts: services.accounts) }

    // swift-format-ignore
    func respond(to endpoint: APIEndpoint, request: Request, context: KoersRequestContext) async throws -> Response {
        switch endpoint {
        case .health: return try await health()
        case .openAPI: return openAPI()
        case .login: return try await login(request, context)
        case .logout: return try await logout(request)
        case .me: return try await me(request)
        case .listPacks: return try listPacks(request)
        case .getPack: return try getPack(request, context)
        case .listOrganisations: return try await listOrganisations(request)
        case .createOrganisation: return try await createOrganisation(request, context)
        case .getOrganisation: return try await getOrganisation(request, context)
        case .addOrganisationCoach: return try await addOrganisationCoach(request, context)
        case .listOrganisationSessions: return try await listOrganisationSessions(request, context)
        case .createOrganisationSession: return try await createOrganisationSession(request, context)
        case .listShareLinks: return try await listShareLinks(request, context)
        case .createAnonymousSession: return try await createAnonymousSession(request, context)
        case .getSession: return try await getSession(request, context)
        case .answerQuestion: return try await answerQuestion(request, context)
        case .removeAnswer: return try await removeAnswer(request, context)
        case .setOverride: return try await setOverride(request, context)
        case .removeOverride: return try await removeOverride(request, context)
        case .confirmOverride: return try await confirmOverride(request, context)
        case .getResult: return try await getResult(request, context)
        case .getReport: return try await getReport(request, context)
        case .getComparisonReport: return try await getComparisonReport(request)
        case .createShareLink: return try await createShareLink(request, context)
        case .revokeShareLink: return try await revokeShareLink(request, context)
        case .getSharedReport: return try await getSharedReport(request, context)
        case .changeOwnPassword, .listAccounts, .createAccount, .getAccount, .updateAccount, .resetAccountPassword,
            .addAccountOrganisation, .removeAccountOrganisation, .deleteOrganisation, .exportOrganisation,
            .importSession, .deleteSession, .downloadSession:
            return try await respondToAccountsAndData(endpoint, request: request, context: context)
        case .getSessionHistory: return try await getSessionHistory(request, context)
        case .verifyScore: return try await verifyScore(request, context)
        }
    }

    // MARK: Service

    private func health() async throws -> Response {
        // "ok" or "unavailable" only: /health is public, so it names no host, port or database.
        let database: String
        do {
            try await services.ping()
            database = "ok"
        } catch {
            database = "unavailable"
        }
        let view = HealthView(status: database == "ok" ? "ok" : "unavailable", database: database, packs: services.packs.packs.count)
        return try APIIO.json(view, status: database == "ok" ? .ok : .serviceUnavailable)
    }

    private func openAPI() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: openAPIDocument)))
    }

    // MARK: Accounts

    private func login(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let body = try await APIIO.decode(LoginBody.self, from: request, context: context)
        let grant = try await services.accounts.login(
            email: body.email, password: body.password, from: context.remoteAddress?.ipAddress
        )
        return try APIIO.json(LoginView(token: grant.token, expiresAt: grant.login.expiresAt, coach: CoachView(grant.coach)))
    }

    private func logout(_ request: Request) async throws -> Response {
        guard let token = APIAuthentication.bearerToken(request) else {
            throw ServiceError.unauthorized("send the token to end as Authorization: Bearer TOKEN")
        }
        try await services.accounts.logout(token: token)
        return APIIO.noContent()
    }

    private func me(_ request: Request) async throws -> Response {
        let access = try await authentication.coach(request)
        guard let coach = access.coach else { throw ServiceError.unauthorized("log in first") }
        return try APIIO.json(CoachView(coach))
    }

    // MARK: Packs

    private func listPacks(_ request: Request) throws -> Response {
        let language = try APIIO.language(request) ?? "nl"
        return try APIIO.json(PackList(packs: services.packs.packs.map { PackSummary($0.pack, language: language) }))
    }

    private func getPack(_ request: Request, _ context: KoersRequestContext) throws -> Response {
        let language = try APIIO.language(request) ?? "nl"
        let pack = try services.packs.pack(id: try APIIO.parameter("packId", context))
        return try APIIO.json(PackDetail(pack.pack, language: language))
    }

    // MARK: Organisations

    private func listOrganisations(_ request: Request) async throws -> Response {
        let access = try await authentication.coach(request)
        return try APIIO.json(OrganisationList(organisations: try await services.organisations.list(access: access)))
    }

    private func createOrganisation(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let body = try await APIIO.decode(OrganisationBody.self, from: request, context: context)
        return try APIIO.json(try await services.organisations.create(name: body.name, access: access), status: .created)
    }

    private func getOrganisation(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        return try APIIO.json(try await services.organisations.get(id: id, access: access))
    }

    private func addOrganisationCoach(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        let body = try await APIIO.decode(AddCoachBody.self, from: request, context: context)
        try await services.organisations.addCoach(email: body.email, to: id, access: access)
        return APIIO.noContent()
    }

    private func listOrganisationSessions(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        return try APIIO.json(SessionList(sessions: try await services.sessions.list(organisationID: id, access: access)))
    }

    private func createOrganisationSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        let body = try await APIIO.decode(SessionBody.self, from: request, context: context)
        let state = try await services.sessions.create(try newSession(body), organisationID: id, access: access)
        return try APIIO.compactJSON(state, status: .created)
    }

    private func listShareLinks(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        return try APIIO.json(ShareLinkList(shareLinks: try await services.shareLinks.list(organisationID: id, access: access)))
    }

    // MARK: Sessions

    private func createAnonymousSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let body = try await APIIO.decode(SessionBody.self, from: request, context: context)
        return try APIIO.compactJSON(
            try await services.sessions.createAnonymous(try newSession(body), from: context.remoteAddress?.ipAddress),
            status: .created
        )
    }

    private func getSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let language = try APIIO.language(request)
        let id = try APIIO.parameter("sessionId", context)
        return try Self.tagged(try await services.sessions.state(id: id, access: access, language: language))
    }

    /// A session's state as JSON, with its revision as the `ETag` (`"3"`), which `If-Match`
    /// takes back when an answer is written.
    private static func tagged(_ state: SessionState) throws -> Response {
        var response = APIIO.stateJSON(state)
        response.headers[.eTag] = "\"\(state.session.revision)\""
        return response
    }

    /// The revisions an `If-Match` header names: `nil` without the header or for `*` (any);
    /// otherwise the strong tags `"N"` it lists (a bare `N` is taken too). A weak tag (`W/"N"`)
    /// or anything else matches no revision, as RFC 9110 has it, so the write gets 412.
    ///
    /// - Throws: ``ServiceError/badRequest(_:_:)`` for a header over 200 characters (the
    ///   document's `maxLength`).
    static func ifMatchRevisions(_ request: Request) throws(ServiceError) -> Set<Int>? {
        let values = request.headers[values: .ifMatch]
        guard !values.isEmpty else { return nil }
        guard values.reduce(0, { $0 + $1.unicodeScalars.count }) <= 200 else {
            throw .badRequest(
                "the If-Match header is longer than 200 characters",
                [FieldProblem(field: "If-Match", message: "give the ETag of the session's state, such as \"3\"")]
            )
        }
        var revisions: Set<Int> = []
        for value in values {
            for piece in value.split(separator: ",") {
                let tag = piece.trimmingCharacters(in: .whitespaces)
                if tag == "*" { return nil }
                let digits = tag.count >= 2 && tag.hasPrefix("\"") && tag.hasSuffix("\"") ? String(tag.dropFirst().dropLast()) : tag
                if digits.count <= 18, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let revision = Int(digits) {
                    revisions.insert(revision)
                }
            }
        }
        return revisions
    }

    private func answerQuestion(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let questionID = try APIIO.parameter("questionId", context)
        let body = try await APIIO.decode(AnswerBody.self, from: request, context: context)
        let state = try await services.sessions.answer(
            questionID,
            in: sessionID,
            with: try Self.choice(body),
            note: body.note,
            access: access,
            ifRevision: try Self.ifMatchRevisions(request)
        )
        return try Self.tagged(state)
    }

    private func removeAnswer(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let questionID = try APIIO.parameter("questionId", context)
        return try Self.tagged(
            try await services.sessions.removeAnswer(questionID, in: sessionID, access: access, ifRevision: try Self.ifMatchRevisions(request))
        )
    }

    private func setOverride(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let scoreID = try APIIO.parameter("scoreId", context)
        let body = try await APIIO.decode(OverrideBody.self, from: request, context: context)
        let value: String
        switch body.value {
        case .number, .string: value = body.value.scalarText ?? ""
        case .unrepresentableNumber: throw Self.unrepresentable("value")
        default:
            throw ServiceError.badRequest(
                "the field 'value' has the wrong type",
                [FieldProblem(field: "value", message: "expected a number such as 4 or 3.5; found \(body.value.kind)")]
            )
        }
        let state = try await services.sessions.setOverride(
            scoreID, in: sessionID, value: value, justification: body.justification, access: access
        )
        return APIIO.stateJSON(state)
    }

    private func removeOverride(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let scoreID = try APIIO.parameter("scoreId", context)
        return APIIO.stateJSON(try await services.sessions.removeOverride(scoreID, in: sessionID, access: access))
    }

    private func confirmOverride(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let scoreID = try APIIO.parameter("scoreId", context)
        return APIIO.stateJSON(try await services.sessions.confirmOverride(scoreID, in: sessionID, access: access))
    }

    private func getResult(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let language = try APIIO.language(request)
        let id = try APIIO.parameter("sessionId", context)
        return try APIIO.json(try await services.sessions.result(id: id, access: access, language: language))
    }

    private func getSessionHistory(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let language = try APIIO.language(request)
        let id = try APIIO.parameter("sessionId", context)
        let entries = try await services.sessions.history(id: id, access: access, language: language)
        return try APIIO.json(SessionHistoryView(sessionId: id, entries: entries))
    }

    private func verifyScore(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let sessionID = try APIIO.parameter("sessionId", context)
        let scoreID = try APIIO.parameter("scoreId", context)
        let body = try await APIIO.decode(VerificationBody.self, from: request, context: context)
        guard let status = ScoreVerification.Status(rawValue: body.status) else {
            throw ServiceError.invalid(
                "unknown status '\(SessionService.shown(body.status))'",
                [FieldProblem(field: "status", message: "the status is verified or disputed")]
            )
        }
        return try APIIO.json(
            try await services.sessions.verifyScore(scoreID, in: sessionID, status: status, reason: body.reason, access: access)
        )
    }

    // MARK: Reports and share links

    private func getReport(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let id = try APIIO.parameter("sessionId", context)
        let report = try await services.reports.report(
            sessionIDs: [id],
            format: APIIO.reportFormat(request),
            language: try APIIO.language(request) ?? "nl",
            access: access,
            includesHistory: try APIIO.flag("history", request)
        )
        return APIIO.text(report.body, contentType: report.contentType)
    }

    private func getComparisonReport(_ request: Request) async throws -> Response {
        let access = try await authentication.coach(request)
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        for name in ["baseline", "followUp"] where query[Substring(name)] == nil {
            problems.append(FieldProblem(field: name, message: "give the id of the \(name == "baseline" ? "baseline" : "follow-up") session"))
        }
        guard problems.isEmpty, let baseline = query["baseline"], let followUp = query["followUp"] else {
            throw ServiceError.badRequest("a comparison needs two sessions", problems)
        }
        let report = try await services.reports.report(
            sessionIDs: [String(baseline), String(followUp)],
            format: APIIO.reportFormat(request),
            language: try APIIO.language(request) ?? "nl",
            access: access
        )
        return APIIO.text(report.body, contentType: report.contentType)
    }

    private func createShareLink(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let body = try await APIIO.decode(ShareLinkBody.self, from: request, context: context)
        try body.checkSessionIDs()
        let created = try await services.shareLinks.create(sessionIDs: body.sessionIds, expiresAt: try body.expiry(), access: access)
        let view = CreatedShareLinkView(
            link: created.link,
            token: created.token,
            apiPath: APIEndpoint.prefix + "/shared/" + created.token
        )
        return try APIIO.json(view, status: .created)
    }

    private func revokeShareLink(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("shareLinkId", context)
        return try APIIO.json(try await services.shareLinks.revoke(id: id, access: access))
    }

    private func getSharedReport(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let token = try APIIO.parameter("token", context)
        let report = try await services.shareLinks.report(
            token: token,
            format: APIIO.reportFormat(request),
            language: try APIIO.language(request) ?? "nl"
        )
        return APIIO.text(report.body, contentType: report.contentType)
    }

    // MARK: Bodies

    /// The new session a body asks for, once its pack is known: an unknown pack in a body is
    /// input that is not accepted (422 naming `pack`), not a missing resource as in a path.
    func newSession(_ body: SessionBody) throws(ServiceError) -> NewSession {
        do {
            _ = try services.packs.pack(id: body.pack)
        } catch {
            throw .invalid(error.description, [FieldProblem(field: "pack", message: error.description)])
        }
        return NewSession(packID: body.pack, label: body.label ?? "", evaluationDate: body.date, language: body.language, startFrom: body.startFrom)
    }

    /// The problem for a number Koers cannot hold exactly, naming the field and the limit.
    static func unrepresentable(_ field: String) -> ServiceError {
        .invalid(
            "the number in '\(field)' cannot be held exactly",
            [FieldProblem(field: field, message: JSONValue.limitDescription + "; send a number within those limits")]
        )
    }

    /// The answer a body gives: exactly one of `value`, `dontKnow: true` and `skip: true` (as
    /// the document's `oneOf` says: one of the three fields, and the flags only as `true`).
    static func choice(_ body: AnswerBody) throws(ServiceError) -> AnswerChoice {
        for (name, flag) in [("dontKnow", body.dontKnow), ("skip", body.skip)] where flag == false {
            throw .badRequest(
                "the field '\(name)' may only be true",
                [FieldProblem(field: name, message: "send \(name): true, or leave the field out")]
            )
        }
        let given = [body.value != nil, body.dontKnow != nil, body.skip != nil].filter { $0 }.count
        guard given == 1 else {
            throw .badRequest(
                "give exactly one of value, dontKnow: true and skip: true",
                [FieldProblem(field: "value", message: "send {\"value\": …}, {\"dontKnow\": true} or {\"skip\": true}")]
            )
        }
        if body.dontKnow == true { return .dontKnow }
        if body.skip == true { return .skip }
        switch body.value {
        case .array(let elements):
            var texts: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string = element, let text = element.scalarText else {
                    throw .badRequest(
                        "the field 'value[\(index)]' has the wrong type",
                        [FieldProblem(field: "value[\(index)]", message: "expected the id of an option, as a string")]
                    )
                }
                texts.append(text)
            }
            return .value(.list(texts))
        case .string(let text)?:
            return .value(.text(text))
        case .number(let number)?:
            return .value(.number(number))
        case .boolean(let flag)?:
            return .value(.boolean(flag))
        case .unrepresentableNumber?:
            throw unrepresentable("value")
        case let value?:
            throw .badRequest(
                "the field 'value' has the wrong type",
                [FieldProblem(field: "value", message: "expected a string, a number, true or false, or a list of option ids; found \(value.kind)")]
            )
        case nil:
            throw .badRequest("the answer has no value", [FieldProblem(field: "value", message: "this field is required")])
        }
    }
}
