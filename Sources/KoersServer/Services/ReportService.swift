import Foundation
import KoersCore
import KoersInterview
import KoersReport
import KoersSession
import KoersStorage

/// The formats a report is written in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// One self-contained, printable HTML page.
    case html
    /// The `koers-report/1` JSON document.
    case json
    /// Markdown.
    case markdown

    /// The media type of the format.
    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        }
    }
}

/// A report written out.
public struct RenderedReport: Sendable, Hashable {
    /// The format.
    public var format: ReportFormat
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
    /// - Returns: The report.
    /// - Throws: ``ServiceError/notFound(_:)`` for a session the caller may not see,
    ///   ``ServiceError/invalid(_:_:)`` for two sessions of different packs or organisations.
    public func report(
        sessionIDs: [String],
        format: ReportFormat,
        language: String,
        access: Access
    ) async throws(ServiceError) -> RenderedReport {
        let language = try SessionService.language(language)
        var records: [InterviewRecord] = []
        for id in sessionIDs { records.append(try await sessions.authorizedRecord(id: id, access: access)) }
        try Self.checkComparable(records)
        return try await render(records, format: format, language: language)
    }

    /// Checks that the sessions can be reported together: one, or two of the same pack and
    /// organisation.
    static func checkComparable(_ records: [InterviewRecord]) throws(ServiceError) {
        guard (1...2).contains(records.count) else {
            throw .invalid(
                "a report is of one session, or of two compared",
                [FieldProblem(field: "sessionIds", message: "give one session id, or two (baseline, then follow-up)")]
            )
        }
        guard records.count == 2 else { return }
        var problems: [FieldProblem] = []
        if records[0].id == records[1].id {
            problems.append(FieldProblem(field: "sessionIds", message: "compare two different sessions"))
        }
        if records[0].packID != records[1].packID {
            problems.append(
                FieldProblem(
                    field: "sessionIds",
                    message: "the sessions are of different packs ('\(records[0].packID)' and '\(records[1].packID)'); compare sessions of one pack"
                )
            )
        }
        if records[0].organisationID != records[1].organisationID || records[0].organisationID == nil {
            problems.append(FieldProblem(field: "sessionIds", message: "compare two sessions of the same organisation"))
        }
        guard problems.isEmpty else { throw .invalid("these sessions cannot be compared", problems) }
    }

    /// Writes the report of stored sessions, already authorized.
    func render(_ records: [InterviewRecord], format: ReportFormat, language: String) async throws(ServiceError)
        -> RenderedReport
    {
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
            let document = sessions.adapted(record.document, to: pack)
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
        do {
            let report = try ReportBuilder(language: language).build(inputs, organisation: organisationName)
            switch format {
            case .json:
                let data: Data
                do {
                    data = try Report.encoder.encode(report)
                } catch {
                    throw ReportError.badTemplate(name: "json", message: "\(error)")
                }
                return RenderedReport(format: format, body: String(decoding: data, as: UTF8.self) + "\n")
            case .markdown:
                return RenderedReport(format: format, body: MarkdownReportRenderer(report: report).render())
            case .html:
                let templates = try ReportTemplates()
                return RenderedReport(format: format, body: try HTMLReportRenderer(report: report, templates: templates).render())
            }
        } catch let error as ReportError {
            throw .failed("the report cannot be written: \(error.description)")
        } catch {
            throw .failed("the report cannot be written: \(error)")
        }
    }

    private static func timestamp(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
