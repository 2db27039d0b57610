import Foundation
import Testing

/// Checks that every accepted answer is in a session's state, with its kind, choice and note.
func expectAnswersKept(_ accepted: [String: Any], in state: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
    let answers = (state["answers"] as? [[String: Any]] ?? [])
    let byID = Dictionary(answers.compactMap { answer in (answer["questionId"] as? String).map { ($0, answer) } }) { a, _ in a }
    for (id, sent) in accepted {
        guard let body = sent as? [String: Any], let answer = byID[id] else {
            Issue.record("the accepted answer to '\(id)' is missing from the session", sourceLocation: sourceLocation)
            continue
        }
        let expectedState = body["dontKnow"] != nil ? "dontKnow" : body["skip"] != nil ? "skipped" : "answered"
        #expect(answer["state"] as? String == expectedState, "answer to '\(id)'", sourceLocation: sourceLocation)
        if let choice = body["value"] as? String, let stored = answer["value"] as? String, !choice.contains(where: \.isNumber) {
            #expect(stored == choice, "value of '\(id)'", sourceLocation: sourceLocation)
        }
        if let list = body["value"] as? [String] {
            #expect(answer["value"] as? [String] == list, "value of '\(id)'", sourceLocation: sourceLocation)
        }
        if let note = body["note"] as? String {
            #expect(answer["note"] as? String == note, "note of '\(id)'", sourceLocation: sourceLocation)
        }
    }
}

/// The id of the session in a session state.
func sessionID(of state: [String: Any]) throws -> String {
    try #require((state["session"] as? [String: Any])?["id"] as? String)
}
