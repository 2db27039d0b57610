import KoersCore
import Testing

/// The words that mean "I don't know" or "skip", read from typed text: every listed word in any
/// case and with spaces around it, and nothing else (the quick length and first-letter test must
/// not turn any of them away).
@Suite struct AnswerWordsTests {
    @Test("Every listed word is recognised, in any case and with spaces around it")
    func recognisesEveryWord() {
        for word in AnswerWords.unknown {
            #expect(AnswerWords.meaning(of: word) == .unknown, "\(word)")
            #expect(AnswerWords.meaning(of: "  " + word.uppercased() + "\t") == .unknown, "\(word)")
        }
        for word in AnswerWords.skip {
            #expect(AnswerWords.meaning(of: word) == .skipped, "\(word)")
            #expect(AnswerWords.meaning(of: " " + word.prefix(1).uppercased() + word.dropFirst() + " ") == .skipped, "\(word)")
        }
    }

    @Test(
        "Ordinary answers mean nothing special",
        arguments: ["ja", "nee", "€ 63.000", "4.500,-", "weet", "weet niet zeker", "?!", "--", "s", "", "   ", "Één", "-5"]
    )
    func leavesOrdinaryAnswers(text: String) {
        #expect(AnswerWords.meaning(of: text) == nil)
    }
}
