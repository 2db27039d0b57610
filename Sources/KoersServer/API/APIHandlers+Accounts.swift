import Foundation
import HTTPTypes
import Hummingbird
import KoersStorage

/// The API's handlers of account management and of an organisation's data (issue 13).
extension APIHandlers {
    // swift-format-ignore
    func respondToAccountsAndData(_ endpoint: APIEndpoint, request: Request, context: KoersRequestContext)
        async throws -> Response
    {
        switch endpoint {
        case .changeOwnPassword: return try await changeOwnPassword(request, context)
        case .listAccounts: return try await listAccounts(request)
        case .createAccount: return try await createAccount(request, context)
        case .getAccount: return try await getAccount(request, context)
        case .updateAccount: return try await updateAccount(request, context)
        case .resetAccountPassword: return try await resetAccountPassword(request, context)
        case .addAccountOrganisation: return try await changeMembership(request, context, member: true)
        case .removeAccountOrganisation: return try await changeMembership(request, context, member: false)
        case .deleteOrganisation: return try await deleteOrganisation(request, context)
        case .exportOrganisation: return try await exportOrganisation(request, context)
        case .importSession: return try await importSession(request, context)
        case .deleteSession: return try await deleteSession(request, context)
        case .downloadSession: return try await downloadSession(request, context)
        default: throw HTTPError(.notFound)
        }
    }

    // MARK: Accounts

    private func changeOwnPassword(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let login = try await authentication.login(request)
        let body = try await APIIO.decode(ChangePasswordBody.self, from: request, context: context)
        try await services.accounts.changeOwnPassword(current: body.currentPassword, new: body.newPassword, login: login)
        return APIIO.noContent()
    }

    private func listAccounts(_ request: Request) async throws -> Response {
        let access = try await authentication.coach(request)
        return try APIIO.json(AccountList(accounts: try await services.accounts.accounts(access: access)))
    }

    private func createAccount(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        _ = try AccountService.requireAdministrator(access)
        let body = try await APIIO.decode(AccountBody.self, from: request, context: context)
        let account = try await services.accounts.addAccount(
            email: body.email, name: body.name, password: body.password, role: body.role, access: access
        )
        return try APIIO.json(account, status: .created)
    }

    private func getAccount(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("accountId", context)
        return try APIIO.json(try await services.accounts.account(id: id, access: access))
    }

    private func updateAccount(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        _ = try AccountService.requireAdministrator(access)
        let id = try APIIO.parameter("accountId", context)
        let body = try await APIIO.decode(AccountChangeBody.self, from: request, context: context)
        // Neither field: nothing changes, and the account is answered as it is.
        var account = try await services.accounts.account(id: id, access: access)
        if let role = body.role { account = try await services.accounts.setRole(role, accountID: id, access: access) }
        if let active = body.active {
            account = try await services.accounts.setActive(active, accountID: id, access: access)
        }
        return try APIIO.json(account)
    }

    private func resetAccountPassword(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        _ = try AccountService.requireAdministrator(access)
        let id = try APIIO.parameter("accountId", context)
        let body = try await APIIO.decode(PasswordResetBody.self, from: request, context: context)
        _ = try await services.accounts.resetPassword(accountID: id, to: body.password, access: access)
        return APIIO.noContent()
    }

    private func changeMembership(_ request: Request, _ context: KoersRequestContext, member: Bool) async throws
        -> Response
    {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("accountId", context)
        let organisationID = try APIIO.parameter("organisationId", context)
        if member {
            try await services.accounts.assign(accountID: id, toOrganisation: organisationID, access: access)
        } else {
            try await services.accounts.unassign(accountID: id, fromOrganisation: organisationID, access: access)
        }
        return APIIO.noContent()
    }

    // MARK: The organisation's data

    private func deleteOrganisation(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        try await services.organisationData.deleteOrganisation(try APIIO.parameter("organisationId", context), access: access)
        return APIIO.noContent()
    }

    private func exportOrganisation(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        let export = try await services.organisationData.export(organisationID: id, access: access)
        var response = try APIIO.json(export)
        response.headers[.contentDisposition] = "attachment; filename=\"\(OrganisationDataService.fileName(label: export.organisation.name, packID: "export"))\""
        return response
    }

    private func importSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coach(request)
        let id = try APIIO.parameter("organisationId", context)
        let body = try await APIIO.decode(ImportBody.self, from: request, context: context)
        let state = try await services.organisationData.importSession(
            text: body.file,
            fileName: body.fileName ?? "upload",
            organisationID: id,
            label: body.label ?? "",
            packID: body.pack,
            access: access
        )
        return try APIIO.json(state, status: .created)
    }

    private func deleteSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        try await services.organisationData.deleteSession(try APIIO.parameter("sessionId", context), access: access)
        return APIIO.noContent()
    }

    private func downloadSession(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let access = try await authentication.coachOrResumeToken(request)
        let file = try await services.organisationData.download(
            sessionID: try APIIO.parameter("sessionId", context), access: access
        )
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = "attachment; filename=\"\(file.fileName)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}
