import Foundation
import Hummingbird
import KoersCore
import KoersInterview
import KoersPresentation
import KoersStorage

/// Where an interview's pages live and who may use them: an anonymous session under
/// `/r/{resumeToken}` (the token in the URL is the access) or a coach's session under
/// `/sessions/{id}` (the login cookie is the access, and forms carry the CSRF token).
struct InterviewPlace: Sendable {
    /// The session.
    var sessionID: String
    /// Who asks.
    var access: Access
    /// The path the pages are under, such as `/r/TOKEN`.
    var base: String
    /// The link to bookmark, for an anonymous session.
    var resumeURL: String?
    /// Whether a coach asks (notes and overrides).
    var isCoach: Bool { access.coach != nil }
    /// Whether the asker may change the session: not a reviewer's account, which reads only and
    /// so is shown the answers and the result, never a question form or an override form.
    var canWrite: Bool { access.coach?.role.canWrite ?? true }
}

extension PageHandlers {
    /// The place of an anonymous session, from the resume token in the URL.
    func anonymousPlace(token: String, visit: PageVisit) async throws(ServiceError) -> InterviewPlace {
        let id = try await services.sessions.sessionID(resumeToken: token)
        return InterviewPlace(
            sessionID: id,
            access: .resumeToken(token),
            base: "/r/\(token)",
            resumeURL: "\(visit.baseURL)/r/\(token)"
        )
    }

    /// The place of a coach's session.
    func coachPlace(id: String, visit: PageVisit) throws(ServiceError) -> InterviewPlace {
        guard let access = visit.access else { throw .unauthorized("log in") }
        return InterviewPlace(sessionID: id, access: access, base: "/sessions/\(id)", resumeURL: nil)
    }

    /// `GET base`: the next question, or the result when nothing more is needed.
    func nextQuestion(_ place: InterviewPlace, visit: PageVisit) async throws(ServiceError) -> Response {
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        // After the last question that matters: the review of every answer, then the result
        // (straight to the result when nothing was answered, as when no question matters). A
        // reviewer, who may not answer, is shown the same.
        guard let question = state.nextQuestion, place.canWrite else {
            return redirect("\(place.base)/\(state.answers.isEmpty ? "result" : "review")", visit: visit)
        }
        return try await questionPage(question, state: state, place: place, visit: visit, submitted: nil)
    }

    /// `GET base/questions/{questionID}`: one question, to change its answer.
    func changeQuestion(_ questionID: String, _ place: InterviewPlace, visit: PageVisit) async throws(ServiceError)
        -> Response
    {
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        let pack = try services.packs.pack(id: state.session.packId)
        guard let question = pack.pack.question(questionID) else { throw .notFound("no such question") }
        guard place.canWrite else { return redirect("\(place.base)/review#review-\(questionID)", visit: visit) }
        return try await questionPage(
            QuestionView(question, language: visit.language), state: state, place: place, visit: visit, submitted: nil
        )
    }

    /// `POST base/answer`: saves the answer and goes on to the next question, or shows the
    /// same question again with the message next to the field and the typed value kept.
    func answer(_ place: InterviewPlace, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        if place.isCoach, !csrfMatches(form, visit) { return formExpired(visit) }
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        let pack = try services.packs.pack(id: state.session.packId)
        guard let questionID = form["question"], let question = pack.pack.question(questionID) else {
            throw .notFound("no such question")
        }
        let view = QuestionView(question, language: visit.language)
        let questionForm = QuestionForm(question: view, texts: visit.texts)
        let (choice, prefill) = questionForm.answer(from: form)
        let note = place.isCoach ? (form.all("note").first ?? "") : nil
        if questionForm.isChoice, view.type != "multiple_choice", prefill.chosen.isEmpty, prefill.special == nil {
            return try await questionPage(
                view, state: state, place: place, visit: visit,
                submitted: (prefill, note, visit.texts["chooseOne"])
            )
        }
        do throws(ServiceError) {
            _ = try await services.sessions.answer(question.id, in: place.sessionID, with: choice, note: note, access: place.access)
        } catch .invalid(let summary, let problems) {
            let message = problems.first?.message(in: visit.language) ?? summary
            return try await questionPage(view, state: state, place: place, visit: visit, submitted: (prefill, note, message))
        }
        return redirect(place.base, visit: visit)
    }

    /// Renders a question page.
    private func questionPage(
        _ question: QuestionView,
        state: SessionState,
        place: InterviewPlace,
        visit: PageVisit,
        submitted: (prefill: QuestionForm.Prefill, note: String?, error: String)?
    ) async throws(ServiceError) -> Response {
        let pack = try services.packs.pack(id: state.session.packId)
        let order = Dictionary(pack.pack.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let answered = state.answers.filter { !$0.ignored }
        let saved = state.answers.first { $0.questionId == question.id }
        let form = QuestionForm(question: question, texts: visit.texts)
        var context = form.context(
            prefill: submitted?.prefill ?? QuestionForm.prefill(saved, type: question.type),
            error: submitted?.error
        )
        let position = order[question.id] ?? Int.max
        if let previous = answered.last(where: { (order[$0.questionId] ?? 0) < position }) {
            context["back"] = "\(place.base)/questions/\(previous.questionId)"
        }
        let number = min(state.progress.answered + 1, max(state.progress.total, 1))
        context["progress"] = [
            "number": number, "total": max(state.progress.total, number),
            "percent": Int((state.progress.fraction * 100).rounded()),
        ]
        context["answered"] = answered.map { answer in
            ["href": "\(place.base)/questions/\(answer.questionId)", "question": answer.question, "display": answer.display]
        }
        context["hasAnswered"] = !answered.isEmpty
        context["action"] = "\(place.base)/answer"
        if let takenOver = saved?.takenOver, saved?.awaitingConfirmation == true {
            context["takenOver"] = takenOver
        }
        context["packTitle"] = state.pack.title
        if let resume = place.resumeURL { context["resume"] = resume }
        if place.isCoach {
            context["noteField"] = true
            context["note"] = submitted?.note ?? saved?.note ?? ""
            try await addOrganisation(to: &context, state: state, place: place)
        } else {
            context.removeValue(forKey: "csrf")
        }
        let status: HTTPResponse.Status = submitted == nil ? .ok : .unprocessableContent
        var response = page("question", title: question.text, context, visit: visit, status: status)
        if !place.isCoach { response.headers[.cacheControl] = "no-store" }
        return response
    }

    func addOrganisation(to context: inout [String: Any], state: SessionState, place: InterviewPlace)
        async throws(ServiceError)
    {
        guard let id = state.session.organisationId else { return }
        let organisation = try await services.organisations.get(id: id, access: place.access)
        context["organisation"] = ["id": organisation.id, "name": organisation.name, "label": state.session.label]
    }

    /// `GET base/result`: verdicts, scores, actions; for a coach also the override form.
    func result(
        _ place: InterviewPlace,
        visit: PageVisit,
        overrideForm: (form: FormData, errors: [FieldProblem])? = nil,
        verifyError: String? = nil
    ) async throws(ServiceError) -> Response {
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        let document = try await services.sessions.result(id: place.sessionID, access: place.access, language: visit.language)
        let view = ResultView(document: document, overrides: state.overrides, texts: visit.texts)
        var context = view.context()
        context["incomplete"] = !state.complete
        // A finished session is reopened from its review, where every answer can be changed; a
        // reviewer reads the answers there.
        if place.canWrite {
            context["interviewURL"] = state.complete ? "\(place.base)/review" : place.base
        } else {
            context["reviewURL"] = "\(place.base)/review"
        }
        context["reportURL"] = "\(place.base)/report"
        context["historyURL"] = "\(place.base)/history"
        context["csvURL"] = "\(place.base)/report?format=csv"
        if let resume = place.resumeURL { context["resume"] = resume }
        addVerifications(to: &context, state: state, document: document, place: place, visit: visit, error: verifyError)
        if place.isCoach {
            try await addOrganisation(to: &context, state: state, place: place)
            if place.canWrite, !document.scores.isEmpty {
                var form: [String: Any] = [
                    "action": "\(place.base)/overrides",
                    "choices": view.scoreChoices(selected: overrideForm?.form["score"]),
                ]
                if let overrideForm {
                    form["value"] = overrideForm.form["value"] ?? ""
                    form["justification"] = overrideForm.form["justification"] ?? ""
                    for problem in overrideForm.errors {
                        form[problem.field == "justification" ? "justificationError" : "valueError"] = problem.message(in: visit.language)
                    }
                    form["error"] = visit.texts["answerError"]
                }
                context["overrideForm"] = form
            }
        }
        let status: HTTPResponse.Status =
            (overrideForm?.errors.isEmpty ?? true) && verifyError == nil ? .ok : .unprocessableContent
        return page("result", title: "\(visit.texts["result"]): \(document.pack.title)", context, visit: visit, status: status)
    }

    /// `POST /sessions/{id}/overrides`: a coach's score override with its justification.
    func override(_ place: InterviewPlace, form: FormData, visit: PageVisit) async throws(ServiceError) -> Response {
        guard place.isCoach else { throw .notFound("no such page") }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let value = (form["value"] ?? "").replacingOccurrences(of: ",", with: ".")
        let justification = form.all("justification").first ?? ""
        var problems: [FieldProblem] = []
        if value.isEmpty { problems.append(FieldProblem(field: "value", message: visit.texts["valueRequired"])) }
        if justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(FieldProblem(field: "justification", message: visit.texts["justificationRequired"]))
        }
        if problems.isEmpty {
            do throws(ServiceError) {
                _ = try await services.sessions.setOverride(
                    form["score"] ?? "", in: place.sessionID, value: value, justification: justification, access: place.access
                )
                return redirect("\(place.base)/result#scores", visit: visit)
            } catch .invalid(_, let found) {
                problems = found
            }
        }
        return try await result(place, visit: visit, overrideForm: (form, problems))
    }

    /// `GET base/report`: the session's printable HTML report (KoersReport); with
    /// `?format=csv` (or another registered format) the report as a download in that format.
    func report(
        _ place: InterviewPlace, visit: PageVisit, format: String? = nil, includesHistory: Bool = false
    ) async throws(ServiceError) -> Response {
        let report = try await services.reports.report(
            sessionIDs: [place.sessionID], format: format.map { ReportFormatID(rawValue: $0) } ?? .html,
            language: visit.language, access: place.access, includesHistory: includesHistory
        )
        guard report.format != .html else { return html(report.body, visit: visit) }
        var response = html(report.body, visit: visit)
        response.headers[.contentType] = report.contentType
        response.headers[.contentDisposition] = "attachment; filename=\"koers-report.\(report.fileExtension)\""
        return response
    }
}
