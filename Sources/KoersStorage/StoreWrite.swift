/// A UNIQUE, PRIMARY KEY or FOREIGN KEY constraint of the schema (``StoreMigrations``).
///
/// PostgreSQL names the constraint an insert broke; SQLite names the columns of a UNIQUE or
/// PRIMARY KEY constraint and nothing for a FOREIGN KEY. A constraint is known by both.
struct StoreConstraint: Sendable, Hashable {
    /// The name in the schema (PostgreSQL's `…_pkey` for a primary key).
    var name: String
    /// The table it is on.
    var table: String
    /// Its columns, as SQLite names them in `UNIQUE constraint failed: table.column`.
    var columns: [String]

    init(_ name: String, on table: String, _ columns: String...) {
        self.name = name
        self.table = table
        self.columns = columns
    }

    /// Whether a driver's report is about this constraint.
    func matches(name reported: String?, columns reportedColumns: [String]) -> Bool {
        if let reported { return reported == name }
        return reportedColumns == columns.map { "\(table).\($0)" }
    }
}

/// A constraint violation, as a driver reports it, before it becomes a ``StoreError``.
enum StoreViolation: Sendable {
    /// A UNIQUE or PRIMARY KEY constraint: PostgreSQL gives its name, SQLite its
    /// `table.column`s.
    case unique(name: String?, columns: [String])
    /// A FOREIGN KEY constraint: PostgreSQL gives its name, SQLite nothing.
    case foreignKey(name: String?)
}

/// Why a driver call failed: a constraint the database enforced, or anything else already said
/// as a ``StoreError``.
enum DriverError: Error, Sendable {
    /// The database refused a write because of a constraint; `detail` is its own message.
    case violation(StoreViolation, detail: String)
    /// Anything else.
    case store(StoreError)
}

/// A record a write refers to through a FOREIGN KEY, and how to name it when it is missing.
struct StoreReference: Sendable {
    /// The FOREIGN KEY constraint.
    var constraint: StoreConstraint
    /// The table referred to; its key is `id`.
    var table: String
    /// The id referred to.
    var id: String
    /// The record for the message, such as `coach '…'`.
    var description: String
}

/// One durable write: statements that run in one transaction, and what each constraint they
/// may break means to the caller.
///
/// The database enforces the constraints (no look-ups before the insert that another writer
/// could overtake); ``SQLStore`` turns the violation into the same ``StoreError`` for both
/// drivers.
struct StoreWrite: Sendable {
    /// What the write does, for messages (`adding coach '…'`).
    var what: String
    /// The statements, in order; the rows of the last one are the write's result.
    var statements: [StoreStatement]
    /// The UNIQUE and PRIMARY KEY constraints the write may break, with the record that exists.
    var duplicates: [(constraint: StoreConstraint, description: String)] = []
    /// The records the write refers to.
    var references: [StoreReference] = []
}
