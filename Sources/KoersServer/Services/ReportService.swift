import Foundation
import KoersCore
import KoersInterview
import KoersReport
import KoersSession
import KoersStorage

/// A report format asked for by its id: `html`, `markdown`, `json`, `csv`, or one that a code
/// plugin registers. The formats themselves are KoersReport's `ReportFormat` values in
/// the plugin registry the packs are loaded with, so the web app offers what `koers report` does.
public struct ReportFormatID: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// The format's id.
    public var rawValue: String

    /// Creates an id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an id from a literal, such as `"csv"`.
    public init(stringLiteral value: String) { rawValue = value }

    /// The printable HTML report, the default.
    public static let html: ReportFormatID = "html"
    /// The spreadsheet export.
    public static let csv: ReportFormatID = "csv"
}

/// A report written out.
public struct RenderedReport: Sendable, Hashable {
    /// The format's id.
    public var format: ReportFormatID
    /// The media type, such as `text/csv; charset=utf-8`.
    public var contentType: String
    /// The usual file name extension, such as `csv`.
    public var fileExtension: String
    /// The text.
    public var body: String
}

/// Reports of one session, or of a baseline and a follow-up of the same pack and organisation
/// compared (KoersReport).
public struct ReportService: Sendable {
    let store: any KoersStore
    let packs: PackLibrary
    let sessions: SessionService

    /// The report of one session, or of two compared.
    ///
    /// - Parameters:
    ///   - sessionIDs: One session, or the baseline then the follow-up.
    ///   - format: The format.
    ///   - language: `nl` or `en`.
    ///   - access: A coach of the sessions' organisation, or (for one anonymous session) its
    ///     resume token.
    ///   - includesHistory: Whether each session's history (every change, who, when, old → new)
    ///     is added as an appendix, as `koers report --history` does.
    /// - Returns: The report.
    /// - Throws: ``ServiceError/notFound(_:)`` for a session the caller may not see,
    ///   ``ServiceError/invalid(_:_:)`` for two sessions of different packs or organisations.
    public func report(
        sessionIDs: [String],
        format: ReportFormatID,
        language: String,
        access: Access,
        includesHistory: Bool = false
    ) async throws(ServiceError) -> RenderedReport {
        let language = try SessionService.language(language)
        _ = try reportFormat(format)
        var records: [InterviewRecord] = []
        for id in sessionIDs { records.append(try await sessions.authorizedRecord(id: id, access: access)) }
        try Self.checkComparable(records)
        return try await render(records, format: format, language: language, includesHistory: includesHistory)
    }

    /// Checks that the sessions can be reported together: one, or two of the same pack and
    /// organisation.
    static func checkComparable(_ records: [InterviewRecord]) throws(ServiceError) {
        guard (1...2).contains(records.count) else {
            throw .invalid(
                "a report is of one session, or of two compared",
                [
                    FieldProblem(
                        field: "sessionIds", message: "give one session id, or two (baseline, then follow-up)",
                        dutch: "Kies één sessie, of twee (eerst de nulmeting, dan de vervolgmeting)."
                    )
                ]
            )
        }
        guard records.count == 2 else { return }
        var problems: [FieldProblem] = []
        if records[0].id == records[1].id {
            problems.append(
                FieldProblem(field: "sessionIds", message: "compare two different sessions", dutch: "Vergelijk twee verschillende sessies.")
            )
        }
        if records[0].packID != records[1].packID {
            problems.append(
                FieldProblem(
                    field: "sessionIds",
                    message: "the sessions are of different packs ('\(records[0].packID)' and '\(records[1].packID)'); compare sessions of one pack",
                    dutch: "De sessies horen bij verschillende regelsets ('\(records[0].packID)' en '\(records[1].packID)'); vergelijk sessies van één regelset."
                )
            )
        }
        if records[0].organisationID != records[1].organisationID || records[0].organisationID == nil {
            problems.append(
                FieldProblem(
                    field: "sessionIds", message: "compare two sessions of the same organisation",
                    dutch: "Vergelijk twee sessies van dezelfde organisatie."
                )
            )
        }
        guard problems.isEmpty else { throw .invalid("these sessions cannot be compared", problems) }
    }

    /// The registered format with an id.
    ///
    /// - Throws: ``ServiceError/badRequest(_:_:)`` naming the known formats for any other id.
    func reportFormat(_ id: ReportFormatID) throws(ServiceError) -> any KoersReport.ReportFormat {
        let formats = packs.registry.reportFormats
        guard let format = formats.first(where: { $0.id == id.rawValue }) else {
            throw .badRequest(
                "unknown report format '\(SessionService.shown(id.rawValue))'",
                [FieldProblem(field: "format", message: "the format is " + formats.map(\.id).joined(separator: ", "))]
            )
        }
        return format
    }

    /// Writes the report of stored sessions, already authorized.
    func render(
        _ records: [InterviewRecord],
        format id: ReportFormatID,
        language: String,
        includesHistory: Bool = false
    ) async throws(ServiceError) -> RenderedReport {
        let format = try reportFormat(id)
        var organisationName: String?
        if let organisationID = records.first?.organisationID {
            do {
                organisationName = try await store.organisation(id: organisationID)?.name
            } catch {
                throw ServiceError(error)
            }
        }
        var inputs: [ReportInput] = []
        for record in records {
            let pack = try packs.pack(id: record.packID)
            var document = sessions.adapted(record.document, to: pack)
            if includesHistory { document.history = try await sessions.historyEntries(of: record).map(\.change) }
            let state = sessions.interviewState(document, pack: pack)
            let confirmations = document.scoreOverrides.compactMapValues { entry in
                entry.confirmedBy.map { OverrideConfirmation(by: $0, at: entry.confirmedAt.map(Self.timestamp)) }
            }
            inputs.append(
                ReportInput(
                    source: record.label,
                    pack: pack.pack,
                    evaluation: state.evaluation,
                    openQuestionIDs: state.openQuestionIDs,
                    session: document,
                    description: organisationName,
                    confirmations: confirmations
                )
            )
        }
        do throws(ReportError) {
            let report = try ReportBuilder(language: language, includesHistory: includesHistory).build(inputs, organisation: organisationName)
            let body = try format.render(report, options: ReportRenderOptions())
            return RenderedReport(
                format: id, contentType: format.mediaType, fileExtension: format.fileExtension, body: body
            )
        } catch {
            throw .failed("the report cannot be written: \(error.description)")
        }
    }

    private static func timestamp(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
