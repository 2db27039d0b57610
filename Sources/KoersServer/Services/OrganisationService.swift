public import Foundation
public import KoersStorage

/// An organisation as the API and the pages show it.
public struct OrganisationView: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The name.
    public var name: String
    /// When it was added.
    public var createdAt: Date

    /// Describes an organisation.
    ///
    /// - Parameter record: The stored organisation.
    public init(_ record: OrganisationRecord) {
        id = record.id
        name = record.name
        createdAt = record.createdAt
    }
}

/// Organisations: only an organisation's coaches see it, its sessions and its share links.
public struct OrganisationService: Sendable {
    let store: any KoersStore
    let settings: ServiceSettings

    /// Adds an organisation with the coach as its first coach.
    ///
    /// - Parameters:
    ///   - name: The name, 1 to 200 characters.
    ///   - access: Who asks: a coach.
    /// - Returns: The organisation.
    /// - Throws: ``ServiceError/invalid(_:_:)`` for a bad name, ``ServiceError/unauthorized(_:)``
    ///   for anyone but a coach.
    public func create(name: String, access: Access) async throws(ServiceError) -> OrganisationView {
        let coach = try Self.requireCoach(access)
        try access.requireWriter()
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 200 else {
            throw .invalid(
                "the organisation cannot be made as given",
                [
                    FieldProblem(
                        field: "name", message: "give a name of 1 to 200 characters",
                        dutch: "Geef een naam van 1 tot 200 tekens."
                    )
                ]
            )
        }
        let record = OrganisationRecord(id: Tokens.newID(), name: trimmed, createdAt: settings.now())
        do {
            try await store.createOrganisation(record, firstCoachID: coach.id)
        } catch {
            throw ServiceError(error)
        }
        return OrganisationView(record)
    }

    /// The organisations the coach coaches, by name.
    ///
    /// - Parameter access: Who asks: a coach.
    /// - Returns: The organisations.
    public func list(access: Access) async throws(ServiceError) -> [OrganisationView] {
        let coach = try Self.requireCoach(access)
        do {
            return try await store.organisations(ofCoach: coach.id).map(OrganisationView.init)
        } catch {
            throw ServiceError(error)
        }
    }

    /// One organisation the coach coaches.
    ///
    /// - Parameters:
    ///   - id: The organisation.
    ///   - access: Who asks: one of its coaches.
    /// - Returns: The organisation.
    /// - Throws: ``ServiceError/notFound(_:)`` when it does not exist or the coach does not
    ///   coach it.
    public func get(id: String, access: Access) async throws(ServiceError) -> OrganisationView {
        OrganisationView(try await authorized(id: id, access: access))
    }

    /// Makes another coach, known by e-mail address, one of the organisation's coaches.
    ///
    /// - Parameters:
    ///   - email: The other coach's e-mail address.
    ///   - organisationID: The organisation.
    ///   - access: Who asks: one of its coaches.
    /// - Throws: ``ServiceError/notFound(_:)`` for an organisation the caller does not coach,
    ///   ``ServiceError/invalid(_:_:)`` when no coach has that address.
    public func addCoach(email: String, to organisationID: String, access: Access) async throws(ServiceError) {
        let organisation = try await authorized(id: organisationID, access: access)
        try access.requireWriter()
        let other: CoachAccount?
        do {
            other = try await store.coach(email: email.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ServiceError(error)
        }
        guard let other else {
            throw .invalid(
                "no coach has that e-mail address",
                [
                    FieldProblem(
                        field: "email", message: "no coach account has this address; make one first (koers coach add)",
                        dutch: "Er is geen coach met dit e-mailadres; maak eerst een account (koers coach add)."
                    )
                ]
            )
        }
        do {
            try await store.addCoach(id: other.id, toOrganisation: organisation.id)
        } catch {
            throw ServiceError(error)
        }
    }

    /// The organisation, when the caller coaches it.
    ///
    /// - Throws: ``ServiceError/notFound(_:)`` otherwise (also for a resume or share token).
    func authorized(id: String, access: Access) async throws(ServiceError) -> OrganisationRecord {
        let coach = try Self.requireCoach(access)
        let organisation: OrganisationRecord?
        let coaches: Bool
        do {
            organisation = try await store.organisation(id: id)
            coaches = organisation == nil ? false : try await store.isCoach(coach.id, ofOrganisation: id)
        } catch {
            throw ServiceError(error)
        }
        guard let organisation, coaches else { throw .notFound("there is no organisation '\(id)' that you coach") }
        return organisation
    }

    /// The coach, for coach access.
    ///
    /// - Throws: ``ServiceError/unauthorized(_:)`` for any other access.
    static func requireCoach(_ access: Access) throws(ServiceError) -> CoachAccount {
        guard let coach = access.coach else {
            throw .unauthorized("log in as a coach first (POST /api/v1/login, then Authorization: Bearer TOKEN)")
        }
        return coach
    }
}
