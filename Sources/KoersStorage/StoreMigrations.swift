/// One named step of the schema; steps run in order, each once, recorded in `koers_migrations`.
struct StoreMigration: Sendable {
    /// The name recorded when the step has run.
    var name: String
    /// The statements, run in one transaction.
    var statements: [String]
}

/// The schema of both stores, as ordered migrations.
///
/// The two dialects hold the same tables and columns: times are UTC ISO-8601 text with
/// milliseconds (`StoreTime`), the session document is its `koers-session/1` JSON text,
/// e-mail addresses are looked up through `email_key`, their lowercased form.
enum StoreMigrations {
    /// The table recording the steps that have run, in the SQL both dialects accept.
    static let ledger = """
        CREATE TABLE IF NOT EXISTS koers_migrations (
            position BIGINT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_at TEXT NOT NULL
        )
        """

    /// The steps for SQLite.
    static let sqlite: [StoreMigration] = [
        StoreMigration(name: "1-accounts-organisations-sessions-share-links", statements: tables(binaryCollation: "")),
        StoreMigration(name: "2-roles-and-account-state", statements: roles(binaryCollation: "")),
        StoreMigration(name: "3-session-history", statements: history(binaryCollation: "")),
        StoreMigration(name: "4-revision-on-hand-edits", statements: revisionOnHandEdits(postgres: false)),
    ]

    /// The steps for PostgreSQL.
    static let postgres: [StoreMigration] = [
        StoreMigration(
            name: "1-accounts-organisations-sessions-share-links",
            statements: tables(binaryCollation: " COLLATE \"C\"")
        ),
        StoreMigration(name: "2-roles-and-account-state", statements: roles(binaryCollation: " COLLATE \"C\"")),
        StoreMigration(name: "3-session-history", statements: history(binaryCollation: " COLLATE \"C\"")),
        StoreMigration(name: "4-revision-on-hand-edits", statements: revisionOnHandEdits(postgres: true)),
    ]

    /// The first schema.
    ///
    /// `binaryCollation` makes PostgreSQL compare ids and times byte by byte, as SQLite does.
    private static func tables(binaryCollation c: String) -> [String] {
        [
            """
            CREATE TABLE coaches (
                id TEXT\(c) PRIMARY KEY,
                email TEXT NOT NULL,
                email_key TEXT\(c) NOT NULL CONSTRAINT coaches_email_key_unique UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at TEXT\(c) NOT NULL
            )
            """,
            """
            CREATE TABLE logins (
                token_hash TEXT\(c) PRIMARY KEY,
                coach_id TEXT\(c) NOT NULL CONSTRAINT logins_coach_fk REFERENCES coaches (id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at TEXT\(c) NOT NULL,
                expires_at TEXT\(c) NOT NULL
            )
            """,
            "CREATE INDEX logins_by_coach ON logins (coach_id)",
            """
            CREATE TABLE organisations (
                id TEXT\(c) PRIMARY KEY,
                name TEXT NOT NULL,
                created_at TEXT\(c) NOT NULL
            )
            """,
            """
            CREATE TABLE organisation_coaches (
                organisation_id TEXT\(c) NOT NULL
                    CONSTRAINT organisation_coaches_organisation_fk REFERENCES organisations (id) ON DELETE CASCADE,
                coach_id TEXT\(c) NOT NULL
                    CONSTRAINT organisation_coaches_coach_fk REFERENCES coaches (id) ON DELETE CASCADE,
                PRIMARY KEY (organisation_id, coach_id)
            )
            """,
            "CREATE INDEX organisation_coaches_by_coach ON organisation_coaches (coach_id)",
            """
            CREATE TABLE interview_sessions (
                id TEXT\(c) PRIMARY KEY,
                organisation_id TEXT\(c)
                    CONSTRAINT interview_sessions_organisation_fk REFERENCES organisations (id) ON DELETE CASCADE,
                label TEXT NOT NULL,
                pack_id TEXT NOT NULL,
                resume_token_hash TEXT\(c) CONSTRAINT interview_sessions_resume_token_unique UNIQUE,
                revision BIGINT NOT NULL,
                document TEXT NOT NULL,
                created_at TEXT\(c) NOT NULL,
                updated_at TEXT\(c) NOT NULL
            )
            """,
            "CREATE INDEX interview_sessions_by_organisation ON interview_sessions (organisation_id, created_at)",
            """
            CREATE TABLE share_links (
                id TEXT\(c) PRIMARY KEY,
                token_hash TEXT\(c) NOT NULL CONSTRAINT share_links_token_unique UNIQUE,
                organisation_id TEXT\(c) NOT NULL
                    CONSTRAINT share_links_organisation_fk REFERENCES organisations (id) ON DELETE CASCADE,
                session_ids TEXT NOT NULL,
                created_by_coach_id TEXT\(c) NOT NULL
                    CONSTRAINT share_links_coach_fk REFERENCES coaches (id),
                created_at TEXT\(c) NOT NULL,
                expires_at TEXT\(c),
                revoked_at TEXT\(c)
            )
            """,
            "CREATE INDEX share_links_by_organisation ON share_links (organisation_id, created_at)",
        ]
    }

    /// Roles and deactivation of accounts (issue 13).
    ///
    /// Every account made before had the one role there was (coach). Someone has to manage the
    /// accounts after the upgrade: the oldest account (the first one made, by creation time then
    /// id) becomes the administrator, every other account stays a coach. No account is a
    /// reviewer or deactivated after the upgrade.
    private static func roles(binaryCollation c: String) -> [String] {
        [
            """
            ALTER TABLE coaches ADD COLUMN role TEXT NOT NULL DEFAULT 'coach'
                CONSTRAINT coaches_role_known CHECK (role IN ('administrator', 'coach', 'reviewer'))
            """,
            "ALTER TABLE coaches ADD COLUMN deactivated_at TEXT\(c)",
            """
            UPDATE coaches SET role = 'administrator'
            WHERE id = (SELECT id FROM coaches ORDER BY created_at, id LIMIT 1)
            """,
        ]
    }

    /// Every change of a web session, with who made it (account and name) and when; kept apart
    /// from the session document, which the web app rewrites on every answer. Removed with its
    /// session; kept when the account goes (the name stays).
    private static func history(binaryCollation c: String) -> [String] {
        [
            """
            CREATE TABLE session_history (
                session_id TEXT\(c) NOT NULL
                    CONSTRAINT session_history_session_fk REFERENCES interview_sessions (id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                at TEXT\(c) NOT NULL,
                account_id TEXT\(c),
                by_name TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                source TEXT,
                PRIMARY KEY (session_id, position)
            )
            """
        ]
    }

    /// A change of a session's row that leaves its revision as it was (a repair made with
    /// `sqlite3` or `psql`) raises the revision by one, as Koers's own saves do.
    ///
    /// A server holds the sessions it last read or saved, keyed to the row's revision and times,
    /// and saves an answer only while the row is still that version. A repair that kept the
    /// revision would have been invisible to it, and its next save would have gone over the
    /// repair. Koers's saves raise the revision themselves, so the trigger never fires for them;
    /// the lock statement of the history (`SET revision = revision`) names none of the columns
    /// watched, so it does not fire either.
    private static func revisionOnHandEdits(postgres: Bool) -> [String] {
        let watched = "document, label, organisation_id, pack_id, resume_token_hash, created_at"
        if postgres {
            return [
                """
                CREATE FUNCTION koers_raise_session_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.revision = OLD.revision THEN
                        NEW.revision := OLD.revision + 1;
                    END IF;
                    RETURN NEW;
                END
                $$
                """,
                """
                CREATE TRIGGER interview_sessions_revision_on_edit
                BEFORE UPDATE OF \(watched) ON interview_sessions
                FOR EACH ROW EXECUTE FUNCTION koers_raise_session_revision()
                """,
            ]
        }
        return [
            """
            CREATE TRIGGER interview_sessions_revision_on_edit
            AFTER UPDATE OF \(watched) ON interview_sessions
            FOR EACH ROW WHEN NEW.revision = OLD.revision
            BEGIN
                UPDATE interview_sessions SET revision = OLD.revision + 1 WHERE id = NEW.id;
            END
            """
        ]
    }

    /// Checks the recorded steps against the known ones.
    ///
    /// - Parameters:
    ///   - recorded: The names recorded, by position.
    ///   - known: The steps this version knows.
    ///   - place: The database, for the message.
    /// - Returns: The steps still to run.
    /// - Throws: ``StoreError/corrupt(_:)`` when the database was migrated by another (newer)
    ///   version of Koers.
    static func pending(recorded: [Int: String], known: [StoreMigration], place: String) throws(StoreError)
        -> [(position: Int, migration: StoreMigration)]
    {
        for (position, name) in recorded.sorted(by: { $0.key < $1.key }) {
            guard position >= 1, position <= known.count, known[position - 1].name == name else {
                throw .corrupt(
                    "\(place) has schema step \(position) '\(name)', which this version of Koers does not know; "
                        + "it was set up by a newer Koers: run that version, or give another database"
                )
            }
        }
        return known.enumerated().compactMap { offset, migration in
            recorded[offset + 1] == nil ? (offset + 1, migration) : nil
        }
    }
}
