import Foundation
import Hummingbird
import KoersStorage

extension PageHandlers {
    /// `POST /organisations/{id}/share-links`: a share link, shown once.
    func createShareLink(organisationID: String, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let organisation = try await services.organisations.get(id: organisationID, access: access)
        let ids = form.all("session")
        guard !ids.isEmpty else { return try await self.organisation(organisationID, visit: visit, error: visit.texts["chooseSession"]) }
        var expiry: Date?
        if let text = form["expires"], !text.isEmpty {
            guard let date = Self.endOfDay(text) else {
                return try await self.organisation(organisationID, visit: visit, error: visit.texts["badDate"])
            }
            expiry = date
        }
        let created: CreatedShareLink
        do throws(ServiceError) {
            created = try await services.shareLinks.create(sessionIDs: ids, expiresAt: expiry, access: access)
        } catch .invalid(let summary, let problems) {
            return try await self.organisation(organisationID, visit: visit, error: problems.first?.message(in: visit.language) ?? summary)
        }
        let context: [String: Any] = [
            "organisation": ["id": organisation.id, "name": organisation.name],
            "url": "\(visit.baseURL)/s/\(created.token)",
        ]
        return page("share-created", title: visit.texts["shareLinkCreated"], context, visit: visit)
    }

    /// `POST /share-links/{id}/revoke`.
    func revokeShareLink(_ id: String, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard let access = visit.access else { return redirect("/login", visit: visit) }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let link = try await services.shareLinks.revoke(id: id, access: access)
        return redirect("/organisations/\(link.organisationId)", visit: visit)
    }

    /// `GET /s/{token}`: the shared report and nothing else; "link not valid" (404) for an
    /// unknown, revoked or expired link.
    func sharedReport(_ token: String, visit: PageVisit) async -> Response {
        do throws(ServiceError) {
            let report = try await services.shareLinks.report(token: token, format: .html, language: visit.language)
            var response = html(report.body, visit: visit)
            response.headers[.cacheControl] = "no-store"
            return response
        } catch .notFound {
            return message(
                visit.texts["linkInvalidTitle"], visit.texts["linkInvalidText"], visit: visit, status: .notFound,
                navigation: false
            )
        } catch {
            return failure(error, visit: visit)
        }
    }

    /// The end of a day given as `YYYY-MM-DD`, in UTC: a link "expires on" a date works all of it.
    static func endOfDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        components.hour = 23
        components.minute = 59
        components.second = 59
        guard components.isValidDate, let date = components.date else { return nil }
        return date
    }
}
