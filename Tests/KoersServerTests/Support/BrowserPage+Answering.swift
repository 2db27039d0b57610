import Foundation
import KoersTestSupport
import Testing

extension BrowserPage {
    /// Answers the question on the page and submits it: yes for a yes/no question, a choice by
    /// the pattern (so different walks take different branches), a plausible number or date
    /// otherwise. Records an issue when the server refuses the answer.
    func answerCurrentQuestion(pattern: Int) throws {
        let radios = try evaluate("document.querySelectorAll('#question-form input[type=radio]').length") as? NSNumber
        let boxes = try evaluate("document.querySelectorAll('#question-form input[type=checkbox][name=value]').length") as? NSNumber
        if let count = radios?.intValue, count > 0 {
            if try exists("#question-form input[type=radio][value=true]") {
                try check("#question-form input[type=radio][value=true]")
            } else {
                try check("#option-\(pattern % count + 1)")
            }
        } else if let count = boxes?.intValue, count > 0 {
            try check("#option-1")
        } else if try attribute("type", of: "#answer-input") == "date" {
            try fill("#answer-input", "2021-11-01")
        } else {
            try fill("#answer-input", "24")
        }
        try submit("#question-form")
        let field = try text("#answer-field") ?? ""
        #expect(try status() == 200, "an answer was refused: \(field)")
    }
}
