import Foundation

/// The statements of account management (roles, deactivation, passwords, memberships) and of
/// deleting an organisation's data (issue 13, items 5 and 6).
extension StoreStatements {
    // MARK: Accounts

    /// Every account, by e-mail address.
    static let allCoaches = StoreStatement("SELECT * FROM coaches ORDER BY email_key, id", table: "coaches")

    /// Saves an account's name, password hash, role and deactivation; a deactivated account's
    /// logins are removed in the same transaction. Returns its id (no row: no such account).
    static func update(_ coach: CoachAccount) -> StoreWrite {
        var statements: [StoreStatement] = []
        if coach.deactivatedAt != nil {
            statements.append(StoreStatement("DELETE FROM logins WHERE coach_id = ?", [.text(coach.id)]))
        }
        statements.append(
            StoreStatement(
                """
                UPDATE coaches SET display_name = ?, password_hash = ?, role = ?, deactivated_at = ?
                WHERE id = ? RETURNING id
                """,
                [
                    .text(coach.displayName), .text(coach.passwordHash), .text(coach.role.rawValue),
                    .time(coach.deactivatedAt), .text(coach.id),
                ]
            )
        )
        return StoreWrite(what: "saving coach '\(coach.email)'", statements: statements)
    }

    /// Removes the logins of an account, all but one when `keeping` names its token hash.
    static func deleteLogins(ofCoach coachID: String, keeping tokenHash: String?) -> StoreWrite {
        let statement =
            if let tokenHash {
                StoreStatement(
                    "DELETE FROM logins WHERE coach_id = ? AND token_hash <> ? RETURNING token_hash",
                    [.text(coachID), .text(tokenHash)]
                )
            } else {
                StoreStatement("DELETE FROM logins WHERE coach_id = ? RETURNING token_hash", [.text(coachID)])
            }
        return StoreWrite(what: "removing the logins of coach '\(coachID)'", statements: [statement])
    }

    /// The role as stored, checked.
    static func accountRole(_ text: String) throws(StoreError) -> AccountRole {
        guard let role = AccountRole(rawValue: text) else {
            throw .corrupt("column coaches.role holds '\(text)', not administrator, coach or reviewer")
        }
        return role
    }

    // MARK: Memberships

    /// Ends an account's membership of an organisation; returns the organisation id (no row:
    /// they were not a member).
    static func removeCoach(id coachID: String, fromOrganisation organisationID: String) -> StoreWrite {
        StoreWrite(
            what: "removing a coach from an organisation",
            statements: [
                StoreStatement(
                    "DELETE FROM organisation_coaches WHERE coach_id = ? AND organisation_id = ? RETURNING organisation_id",
                    [.text(coachID), .text(organisationID)]
                )
            ]
        )
    }

    /// The members of an organisation, by e-mail address.
    static func coaches(ofOrganisation organisationID: String) -> StoreStatement {
        StoreStatement(
            """
            SELECT c.* FROM coaches c JOIN organisation_coaches m ON m.coach_id = c.id
            WHERE m.organisation_id = ? ORDER BY c.email_key, c.id
            """,
            [.text(organisationID)],
            table: "coaches"
        )
    }

    /// Every organisation, by name.
    static let allOrganisations = StoreStatement(
        "SELECT * FROM organisations ORDER BY name COLLATE BINARY, id",
        table: "organisations"
    )

    // MARK: Deleting data

    /// Removes a session, its history and the share links that show it; returns the session's
    /// id (no row: no such session).
    ///
    /// A link lists its sessions as a JSON array of ids; ids are UUID text (no `%`, `_` or `"`),
    /// so the quoted id matches exactly the links that name it.
    static func deleteSession(id: String) -> StoreWrite {
        StoreWrite(
            what: "removing session '\(id)'",
            statements: [
                StoreStatement("DELETE FROM share_links WHERE session_ids LIKE ?", [.text("%\"\(likeSafe(id))\"%")]),
                StoreStatement("DELETE FROM session_history WHERE session_id = ?", [.text(id)]),
                StoreStatement("DELETE FROM interview_sessions WHERE id = ? RETURNING id", [.text(id)]),
            ]
        )
    }

    /// Removes an organisation with its sessions and their history, share links and memberships
    /// (accounts and their logins stay); returns its id (no row: no such organisation).
    ///
    /// Each table is emptied by its own statement rather than by the schema's `ON DELETE
    /// CASCADE` alone, so that nothing of the organisation stays whatever the database's
    /// foreign-key setting.
    static func deleteOrganisation(id: String) -> StoreWrite {
        StoreWrite(
            what: "removing organisation '\(id)'",
            statements: [
                StoreStatement("DELETE FROM share_links WHERE organisation_id = ?", [.text(id)]),
                StoreStatement(
                    "DELETE FROM session_history WHERE session_id IN "
                        + "(SELECT id FROM interview_sessions WHERE organisation_id = ?)",
                    [.text(id)]
                ),
                StoreStatement("DELETE FROM interview_sessions WHERE organisation_id = ?", [.text(id)]),
                StoreStatement("DELETE FROM organisation_coaches WHERE organisation_id = ?", [.text(id)]),
                StoreStatement("DELETE FROM organisations WHERE id = ? RETURNING id", [.text(id)]),
            ]
        )
    }

    /// An id with the characters `LIKE` reads as patterns removed (ids are UUIDs, which have
    /// none; this keeps a made-up id from matching other links).
    private static func likeSafe(_ id: String) -> String {
        String(id.filter { $0 != "%" && $0 != "_" && $0 != "\\" && $0 != "\"" })
    }
}
