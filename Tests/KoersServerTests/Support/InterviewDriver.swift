import Foundation
import Testing

/// Answers a session's questions through the API until it is complete, choosing a value each
/// question type accepts, and keeps what every accepted answer was.
struct InterviewDriver {
    let client: any APIRequester
    let sessionID: String
    /// The answers the server accepted (2xx), by question id: the JSON sent.
    private(set) var accepted: [String: Any] = [:]
    /// How many answers the server rejected with 422 before one was accepted.
    private(set) var rejections = 0
    /// The `variant` spreads the choices (option index) between sessions.
    var variant = 0

    init(client: any APIRequester, sessionID: String, variant: Int = 0) {
        self.client = client
        self.sessionID = sessionID
        self.variant = variant
    }

    /// The candidate answers for a question, best first.
    func candidates(for question: [String: Any], step: Int) -> [[String: Any]] {
        let type = question["type"] as? String ?? ""
        let options = (question["options"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        var values: [Any] = []
        switch type {
        case "boolean": values = [(step + variant) % 3 != 0, true, false]
        case "single_choice": values = options.isEmpty ? [] : [options[(step + variant) % options.count]] + options
        case "multiple_choice": values = options.isEmpty ? [] : [[options[(step + variant) % options.count]], [options[0]], []]
        case "scale":
            values = options.isEmpty ? ["3", "1", "5"] : [options[(step + variant) % options.count]] + options
        case "date": values = [question["minimum"] as? String ?? "2021-06-01", "2021-06-01", "2022-01-01", "2020-01-01"]
        case "text": values = ["Testantwoord \(step)"]
        default:
            var numbers: [Any] = []
            if let minimum = question["minimum"] as? String { numbers.append(minimum) }
            numbers += [12, 60000, 125000.5, 1, 0, 1000000]
            if let maximum = question["maximum"] as? String { numbers.append(maximum) }
            values = numbers
        }
        var bodies: [[String: Any]] = values.map { ["value": $0] }
        if question["allowsDontKnow"] as? Bool == true { bodies.append(["dontKnow": true]) }
        if question["optional"] as? Bool == true { bodies.append(["skip": true]) }
        return bodies
    }

    /// Answers until the session is complete.
    ///
    /// - Returns: The final state.
    mutating func run(maximumSteps: Int = 300) async throws -> [String: Any] {
        var state = try await client.get("/api/v1/sessions/\(sessionID)").json
        var step = 0
        while let question = state["nextQuestion"] as? [String: Any], step < maximumSteps {
            step += 1
            let id = try #require(question["id"] as? String)
            var answered = false
            for var body in candidates(for: question, step: step) {
                if step % 4 == 0 { body["note"] = "Notitie bij \(id)" }
                let response = try await client.put("/api/v1/sessions/\(sessionID)/answers/\(id)", body)
                if response.status == 200 {
                    accepted[id] = body
                    state = response.json
                    answered = true
                    break
                }
                #expect(response.isProblem(422), "a rejected answer to \(id) must be a 422 problem: \(response)")
                rejections += 1
            }
            try #require(answered, "no candidate answer was accepted for \(id): \(question)")
        }
        #expect(state["complete"] as? Bool == true, "the interview did not complete in \(maximumSteps) steps")
        return state
    }
}
