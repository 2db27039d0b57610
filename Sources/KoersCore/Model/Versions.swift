public import KoersExpression

/// A semantic version such as `1.4.2`.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version; a change means incompatible.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The patch version.
    public var patch: Int

    /// Creates a version.
    ///
    /// - Parameters:
    ///   - major: The major version.
    ///   - minor: The minor version.
    ///   - patch: The patch version.
    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `1`, `1.4` or `1.4.2`; missing parts are zero.
    ///
    /// - Parameter text: The version text.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), let number = Int(part), number >= 0 else { return nil }
            numbers.append(number)
        }
        while numbers.count < 3 { numbers.append(0) }
        self.init(numbers[0], numbers[1], numbers[2])
    }

    /// `major.minor.patch`.
    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

/// The engine versions a pack works with, such as `">= 0.1, < 2"`.
///
/// A comma-separated list of comparisons (`>=`, `>`, `<=`, `<`, `==`); a bare version `1.2`
/// means `>= 1.2, < 2` (same major version).
public struct VersionRequirement: Sendable, Hashable, CustomStringConvertible {
    /// One comparison.
    public struct Clause: Sendable, Hashable {
        /// The comparison operator.
        public var comparison: String
        /// The version compared with.
        public var version: SemanticVersion
    }

    /// The clauses, all of which must hold.
    public var clauses: [Clause]
    /// The text as written.
    public var description: String

    /// Parses a requirement.
    ///
    /// - Parameter text: The requirement, such as `>= 0.1`.
    public init?(_ text: String) {
        var clauses: [Clause] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: " ")
            let comparison = ["==", ">=", "<=", ">", "<"].first { trimmed.hasPrefix($0) }
            let versionText = trimmed.dropFirst(comparison?.count ?? 0).trimmingCharacters(in: " ")
            guard let version = SemanticVersion(versionText) else { return nil }
            if let comparison {
                clauses.append(Clause(comparison: comparison, version: version))
            } else {
                clauses.append(Clause(comparison: ">=", version: version))
                clauses.append(Clause(comparison: "<", version: SemanticVersion(version.major + 1, 0, 0)))
            }
        }
        guard !clauses.isEmpty else { return nil }
        self.clauses = clauses
        self.description = text
    }

    /// Whether a version satisfies every clause.
    ///
    /// - Parameter version: The version to test.
    /// - Returns: `true` when it does.
    public func isSatisfied(by version: SemanticVersion) -> Bool {
        clauses.allSatisfy { clause in
            switch clause.comparison {
            case "==": version == clause.version
            case ">=": version >= clause.version
            case "<=": version <= clause.version
            case ">": version > clause.version
            default: version < clause.version
            }
        }
    }
}

/// The dates between which a pack, scheme or rule applies; both ends are inclusive.
public struct ValidityPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day it applies, or `nil` for "always before".
    public var from: CalendarDate?
    /// The last day it applies, or `nil` for "still open".
    public var until: CalendarDate?

    /// Creates a period.
    ///
    /// - Parameters:
    ///   - from: The first day, if bounded.
    ///   - until: The last day, if bounded.
    public init(from: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.from = from
        self.until = until
    }

    /// A period without bounds.
    public static let always = ValidityPeriod()

    /// Whether a date lies in the period.
    ///
    /// - Parameter date: The date.
    /// - Returns: `true` when `from <= date <= until`.
    public func contains(_ date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }

    /// `2019-03-01 … 2022-12-31`, with `…` for an open end.
    public var description: String {
        "\(from?.description ?? "…") – \(until?.description ?? "…")"
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
