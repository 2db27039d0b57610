import Foundation
import KoersStorage
import Testing

@testable import KoersServer

/// The session state that answers every change is written by its own writer: its bytes must be
/// those of the generic encoder, whatever the state holds. (A debug build also checks this on
/// every state the API sends, so every API test does too.)
@Suite struct SessionStateJSONTests {
    static let hard = [
        "", "plain", "\"quoted\" \\ back/slash", "tab\there\nnew", "\u{1} \u{1F} ctrl", "é € 😀", "</script>",
    ]

    /// A state with a mix of every field, present and left out, made by decoding its JSON
    /// (several views have no memberwise initializer), times as seconds with and without a fraction.
    static func state(_ seed: Int) throws -> SessionState {
        let text = hard[seed % hard.count]
        let maybe: Any? = seed % 2 == 0 ? nil : text
        let time = 1_714_555_800 + Double(seed) * 86_399 + (seed % 3 == 0 ? 0.123 : 0)
        func object(_ fields: [String: Any?]) -> [String: Any] { fields.compactMapValues { $0 } }
        let values: [Any?] = [nil, text, true, false, [Any](), ["a", [true]]]
        var state: [String: Any] = [
            "session": object([
                "id": "id-\(seed)", "organisationId": maybe, "label": text, "packId": "maturity-scan",
                "packVersion": "0.2.0", "evaluationDate": "2026-12-04", "language": "nl", "revision": seed,
                "answerCount": seed * 3, "createdAt": time, "updatedAt": time + 61,
            ]),
            "pack": object([
                "id": "maturity-scan", "version": "0.2.0", "title": text, "description": maybe,
                "languages": ["nl", "en"],
                "validFrom": seed % 2 == 0 ? nil : "2021-10-01", "questionCount": 50,
            ]),
            "complete": seed % 4 == 0,
            "progress": [
                "answered": seed, "stillNeeded": 7, "total": seed + 7, "fraction": [0, 1, 0.5, 1.0 / 3, 0.1][seed % 5],
            ],
            "openQuestionIds": (0..<(seed % 3)).map { "q\($0)" },
            "answers": (0..<(seed % 5)).map { index in
                object([
                    "questionId": "q\(index)", "question": hard[index % hard.count], "state": "answered",
                    "value": values[(seed + index) % values.count], "display": text, "answeredBy": "anna",
                    "answeredAt": time,
                    "note": index % 2 == 0 ? nil : text, "ignored": index % 3 == 0, "noteBy": maybe,
                    "takenOver": index % 2 == 0 ? maybe : nil,
                    "awaitingConfirmation": index % 3 == 0 ? nil : index % 3 == 1,
                ])
            },
            "overrides": (0..<(seed % 3)).map { index in
                object([
                    "scoreId": "s\(index)", "value": "3.5", "justification": text, "by": "bert", "at": time,
                    "confirmedBy": index % 2 == 0 ? nil : "carla", "confirmedAt": index % 2 == 0 ? nil : time + 5,
                ])
            },
            "setAsideCount": seed % 2, "overallVerdict": "undetermined",
        ]
        if seed % 4 != 0 {
            state["nextQuestion"] = object([
                "id": "q\(seed)", "type": "single_choice", "valueType": "text", "text": text, "help": maybe,
                "options": (0..<(seed % 4)).map { ["id": "o\($0)", "label": hard[$0 % hard.count]] },
                "unit": maybe, "minimum": seed % 3 == 0 ? "0" : nil, "maximum": seed % 3 == 0 ? "10.5" : nil,
                "optional": seed % 2 == 0, "allowsDontKnow": seed % 3 == 0, "checklist": seed % 5 == 0,
            ])
        }
        if seed % 3 == 1 {
            state["verifications"] = (0..<(seed % 4)).map { index in
                object([
                    "scoreId": "s\(index)", "status": index % 2 == 0 ? "verified" : "disputed", "by": "dirk",
                    "at": time,
                    "reason": maybe, "computed": index % 2 == 0 ? "3" : nil, "override": seed % 2 == 0 ? nil : "4",
                    "current": index % 2 == 0,
                ])
            }
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(SessionState.self, from: JSONSerialization.data(withJSONObject: state))
    }

    @Test(arguments: 0..<120)
    func theStateIsWrittenAsTheGenericEncoderWritesIt(seed: Int) throws {
        let state = try Self.state(seed)
        let bytes = state.compactJSON()
        #expect(bytes == (try CompactJSONEncoder().bytes(state)), "\(String(decoding: bytes, as: UTF8.self))")
    }
}
