import Foundation
import Hummingbird
import KoersCore
import KoersInterview
import KoersPresentation
import KoersSession

/// The routes of the coach's workspace pages: a session's history, the review of its answers
/// before the verdict, and the verification of its scores; for anonymous sessions under
/// `/r/{resumeToken}` as far as they apply.
enum WorkspaceRoutes {
    /// Adds the routes.
    static func add<Context: RequestContext>(to router: Router<Context>, pages: PageHandlers) {
        router.get("/sessions/{id}/history") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.history(try pages.coachPlace(id: context.parameters.get("id") ?? "", visit: visit), visit: visit)
            }
        }
        router.get("/sessions/{id}/review") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.review(try pages.coachPlace(id: context.parameters.get("id") ?? "", visit: visit), visit: visit)
            }
        }
        router.get("/r/{token}/review") { request, context in
            await pages.respond(request, context) { visit in
                let place = try await pages.anonymousPlace(token: context.parameters.get("token") ?? "", visit: visit)
                return try await pages.review(place, visit: visit)
            }
        }
        router.post("/sessions/{id}/scores/{score}/verification") { request, context in
            await pages.respond(request, context) { visit in
                let place = try pages.coachPlace(id: context.parameters.get("id") ?? "", visit: visit)
                return try await pages.verifyScore(
                    place, scoreID: context.parameters.get("score") ?? "", form: await pages.form(request), visit: visit
                )
            }
        }
        router.get("/r/{token}/history") { request, context in
            await pages.respond(request, context) { visit in
                let place = try await pages.anonymousPlace(token: context.parameters.get("token") ?? "", visit: visit)
                return try await pages.history(place, visit: visit)
            }
        }
    }
}

extension PageHandlers {
    /// `GET base/history`: every change of the session, with who and when, old → new.
    func history(_ place: InterviewPlace, visit: PageVisit) async throws(ServiceError) -> Response {
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        let entries = try await services.sessions.history(id: place.sessionID, access: place.access, language: visit.language)
        var context: [String: Any] = [
            "packTitle": state.pack.title,
            "resultURL": "\(place.base)/result",
            "reportURL": "\(place.base)/report?history=1",
            "hasEntries": !entries.isEmpty,
            "entries": entries.map { entry -> [String: Any] in
                var row: [String: Any] = [
                    "position": entry.position,
                    "kind": entry.kind,
                    "kindText": visit.texts["kind.\(entry.kind)"],
                    "subject": entry.subjectText ?? entry.subject,
                    "by": entry.by == "anonymous" ? visit.texts["anonymousPerson"] : entry.by,
                    "when": PageDates.moment(entry.at, language: visit.language),
                    "old": entry.old ?? "–",
                    "new": entry.new ?? "–",
                ]
                if let source = entry.source { row["source"] = source }
                return row
            },
        ]
        if place.isCoach { try await addOrganisation(to: &context, state: state, place: place) }
        var response = page("history", title: "\(visit.texts["history"]): \(state.pack.title)", context, visit: visit)
        if !place.isCoach { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension PageHandlers {
    /// `GET base/review`: every answer grouped as in the pack, with what was skipped, "weet
    /// niet" and taken over, each with a link to change it; then on to the result.
    func review(_ place: InterviewPlace, visit: PageVisit) async throws(ServiceError) -> Response {
        let state = try await services.sessions.state(id: place.sessionID, access: place.access, language: visit.language)
        let review = try await services.sessions.review(id: place.sessionID, access: place.access, language: visit.language)
        let awaiting = review.groups.flatMap(\.items).filter(\.awaitingConfirmation).count
        var context: [String: Any] = [
            "packTitle": state.pack.title,
            "complete": review.complete,
            "resultURL": "\(place.base)/result",
            "groups": review.groups.enumerated().map { index, group -> [String: Any] in
                [
                    "index": index + 1,
                    "name": group.name,
                    "items": group.items.map { item -> [String: Any] in
                        var entry: [String: Any] = [
                            "questionId": item.questionId, "question": item.question, "display": item.display,
                            "state": item.state, "awaitingConfirmation": item.awaitingConfirmation,
                        ]
                        if place.canWrite { entry["href"] = "\(place.base)/questions/\(item.questionId)" }
                        if item.state != "answered" { entry["stateText"] = visit.texts["state.\(item.state)"] }
                        if let takenOver = item.takenOver { entry["takenOver"] = takenOver }
                        if let note = item.note {
                            entry["note"] = note
                            if let by = item.noteBy { entry["noteBy"] = by }
                        }
                        return entry
                    },
                ]
            },
        ]
        if place.canWrite { context["interviewURL"] = place.base }
        if awaiting > 0 { context["awaiting"] = awaiting }
        if let resume = place.resumeURL { context["resume"] = resume }
        if place.isCoach { try await addOrganisation(to: &context, state: state, place: place) }
        var response = page("review", title: "\(visit.texts["review"]): \(state.pack.title)", context, visit: visit)
        if !place.isCoach { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension PageHandlers {
    /// The result page's verification column (who verified or disputed each score, when, why)
    /// and, for a coach, a confirm button and a dispute form per score.
    func addVerifications(
        to context: inout [String: Any],
        state: SessionState,
        document: EvaluationDocument,
        place: InterviewPlace,
        visit: PageVisit,
        error: String?
    ) {
        let verifications = Dictionary(
            (state.verifications ?? []).map { ($0.scoreId, $0) }, uniquingKeysWith: { first, _ in first }
        )
        let view = ResultView(document: document, overrides: state.overrides, texts: visit.texts)
        if var scores = context["scores"] as? [[String: Any]] {
            for index in scores.indices {
                guard let id = scores[index]["id"] as? String, let entry = verifications[id] else { continue }
                var text = visit.texts[entry.status == "verified" ? "verifiedBy" : "disputedBy"] + " " + entry.by
                text += ", " + PageDates.moment(entry.at, language: visit.language)
                if let reason = entry.reason { text += ": " + reason }
                if !entry.current { text += " (" + visit.texts["verificationOutdated"] + ")" }
                scores[index]["verification"] = text
            }
            context["scores"] = scores
        }
        context["showVerification"] = place.isCoach || !verifications.isEmpty
        guard place.isCoach, place.canWrite, !document.scores.isEmpty else { return }
        var forms: [String: Any] = [
            "forms": document.scores.map { score -> [String: Any] in
                [
                    "id": score.id, "title": score.title,
                    "effective": score.effective.map { "\(view.number($0)) / \(view.number(score.maximum))" } ?? "–",
                    "action": "\(place.base)/scores/\(score.id)/verification",
                ]
            }
        ]
        if let error { forms["verifyError"] = error }
        context["verifyForms"] = forms
    }

    /// `POST /sessions/{id}/scores/{score}/verification`: a second coach verifies a score
    /// (`status=verified`) or disputes it with a reason (`status=disputed&reason=…`).
    func verifyScore(_ place: InterviewPlace, scoreID: String, form: FormData, visit: PageVisit) async throws(ServiceError)
        -> Response
    {
        guard place.isCoach else { throw .notFound("no such page") }
        guard csrfMatches(form, visit) else { return formExpired(visit) }
        let status: ScoreVerification.Status = form["status"] == "disputed" ? .disputed : .verified
        do throws(ServiceError) {
            _ = try await services.sessions.verifyScore(
                scoreID, in: place.sessionID, status: status, reason: form.all("reason").first, access: place.access
            )
            return redirect("\(place.base)/result#scores", visit: visit)
        } catch .invalid(let summary, let problems) {
            return try await result(place, visit: visit, verifyError: problems.first?.message(in: visit.language) ?? summary)
        } catch .conflict(let message) {
            return try await result(place, visit: visit, verifyError: visit.language == "en" ? message : Self.dutchVerifyRefusal)
        }
    }

    /// Why a coach may not verify a score, in Dutch.
    static let dutchVerifyRefusal =
        "U gaf als laatste een antwoord of aanpassing waarop deze score rust; een andere coach moet de score verifiëren of betwisten."
}
