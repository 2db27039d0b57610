import Foundation
import KoersSource

/// A token of the expression language.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case literal(Value)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    var kind: Kind
    var range: Range<Int>
}

/// The reserved words; `true` and `false` become boolean literals instead.
enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, `if`, then, `else`
}

/// The punctuation and operator symbols.
enum Symbol: String, Sendable {
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case leftParenthesis = "("
    case rightParenthesis = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case comma = ","
}

/// Splits expression text into tokens, reading literals into values on the way.
///
/// Positions are offsets in Unicode scalars.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Reads all tokens; the last one is always `.end`.
    static func tokens(in text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)]))
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDigit(scalar) || scalar == "_"
    }

    private static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{00A0}", "\u{202F}": true
        default: false
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while Lexer.isSpace(peek()) { position += 1 }
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, range: start..<start) }
        if Lexer.isDigit(scalar) { return try number() }
        if scalar == "€" { return try money() }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" { return try word() }
        if scalar == "\"" || scalar == "'" { return try string() }
        return try symbol()
    }

    // MARK: Words

    private mutating func word() throws(ExpressionError) -> Token {
        let start = position
        while Lexer.isWordCharacter(peek()) { position += 1 }
        let word = text(start..<position)
        if let scalar = peek(), scalar.properties.isAlphabetic {
            throw ExpressionError(
                "unexpected character '\(scalar)' in the name '\(word)\(scalar)'",
                nl: "onverwacht teken '\(scalar)' in de naam '\(word)\(scalar)'",
                at: position..<position + 1,
                notes: [Phrase("names use only the letters a to z, digits and '_'",
                               nl: "namen bestaan alleen uit de letters a tot z, cijfers en '_'")]
            )
        }
        if word.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) {
            let suggestion = Lexer.snakeCase(word)
            throw ExpressionError(
                "'\(word)' is not a valid name; names and keywords are lowercase",
                nl: "'\(word)' is geen geldige naam; namen en sleutelwoorden zijn in kleine letters",
                at: start..<position,
                notes: [.didYouMean(suggestion)]
            )
        }
        if word == "true" { return Token(kind: .literal(.boolean(true)), range: start..<position) }
        if word == "false" { return Token(kind: .literal(.boolean(false)), range: start..<position) }
        if let keyword = Keyword(rawValue: word) { return Token(kind: .keyword(keyword), range: start..<position) }
        return Token(kind: .identifier(word), range: start..<position)
    }

    /// `TotalCosts` → `total_costs`, `AND` → `and`.
    static func snakeCase(_ word: String) -> String {
        var result = ""
        var previous: Unicode.Scalar?
        for scalar in word.unicodeScalars {
            let isUpper = ("A"..."Z").contains(scalar)
            if isUpper, let previous, ("a"..."z").contains(previous) || isDigit(previous) {
                result.append("_")
            }
            result.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar)
            previous = scalar
        }
        return result
    }

    // MARK: Numbers, percentages and dates

    /// Reads digits with `_` separators; returns them without the separators.
    private mutating func digits(allowingUnderscores: Bool) throws(ExpressionError) -> String {
        var digits = ""
        while let scalar = peek() {
            if Lexer.isDigit(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if scalar == "_", allowingUnderscores {
                guard Lexer.isDigit(peek(-1)), Lexer.isDigit(peek(1)) else {
                    throw ExpressionError(
                        "'_' can only stand between digits",
                        nl: "'_' mag alleen tussen cijfers staan",
                        at: position..<position + 1,
                        notes: [Phrase("write thousands as 125_000", nl: "schrijf duizendtallen als 125_000")]
                    )
                }
            } else {
                break
            }
            position += 1
        }
        return digits
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = position
        let whole = try digits(allowingUnderscores: true)
        if whole.count == 4, position == start + 4, peek() == "-", Lexer.isDigit(peek(1)),
            let date = try date(from: start)
        {
            return date
        }
        var literal = whole
        if peek() == "." {
            guard Lexer.isDigit(peek(1)) else {
                throw ExpressionError(
                    "expected digits after the decimal point", nl: "na de decimale punt horen cijfers",
                    at: position..<position + 1
                )
            }
            position += 1
            literal += "." + (try digits(allowingUnderscores: true))
        }
        var isPercentage = false
        if peek() == "%" {
            isPercentage = true
            position += 1
        }
        if Lexer.isWordCharacter(peek()) || peek() == "." {
            while Lexer.isWordCharacter(peek()) || peek() == "." || peek() == "%" { position += 1 }
            throw ExpressionError(
                "invalid number '\(text(start..<position))'",
                nl: "ongeldig getal '\(text(start..<position))'",
                at: start..<position,
                notes: [Phrase("numbers are written as 125000, 125_000 or 12.5, with a '.' as decimal point",
                               nl: "schrijf getallen als 125000, 125_000 of 12.5, met een '.' als decimaalteken")]
            )
        }
        let value = try Lexer.decimal(literal, at: start..<position)
        let range = start..<position
        return Token(kind: .literal(isPercentage ? .percentage(value / 100) : .number(value)), range: range)
    }

    /// Reads `YYYY-MM-DD` after its four-digit year; returns `nil` (and reads nothing) when the
    /// text is not shaped like a date at all, such as `2022-12` (a subtraction).
    private mutating func date(from start: Int) throws(ExpressionError) -> Token? {
        var end = start + 4
        var dashes = 0
        while end < scalars.count, scalars[end] == "-" || Lexer.isDigit(scalars[end]) {
            if scalars[end] == "-" {
                guard end + 1 < scalars.count, Lexer.isDigit(scalars[end + 1]) else { break }
                dashes += 1
            }
            end += 1
        }
        guard dashes >= 2 else { return nil }
        let written = text(start..<end)
        guard dashes == 2, let parts = CalendarDate.isoParts(scalars[start..<end]) else {
            throw ExpressionError(
                "invalid date '\(written)'",
                nl: "ongeldige datum '\(written)'",
                at: start..<end,
                notes: [Phrase("write dates as YYYY-MM-DD, as in 2022-01-05",
                               nl: "schrijf datums als JJJJ-MM-DD, zoals 2022-01-05")]
            )
        }
        position = end
        guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
            let reason: Phrase
            if parts.year < 1 {
                reason = Phrase("years start at 0001", nl: "jaren beginnen bij 0001")
            } else if !(1...12).contains(parts.month) {
                reason = Phrase("there is no month \(parts.month)", nl: "maand \(parts.month) bestaat niet")
            } else {
                let monthName = Lexer.monthNames[parts.month - 1]
                let dutchMonthName = Lexer.dutchMonthNames[parts.month - 1]
                let days = CalendarDate.daysInMonth(parts.month, of: parts.year)
                reason = Phrase("\(monthName) \(parts.year) has \(days) days",
                                nl: "\(dutchMonthName) \(parts.year) heeft \(days) dagen")
            }
            throw ExpressionError(
                "invalid date '\(written)': \(reason.en)", nl: "ongeldige datum '\(written)': \(reason.nl)",
                at: start..<end
            )
        }
        if Lexer.isWordCharacter(peek()) {
            throw ExpressionError(
                "unexpected '\(text(position..<position + 1))' after the date",
                nl: "onverwachte '\(text(position..<position + 1))' na de datum",
                at: position..<position + 1
            )
        }
        return Token(kind: .literal(.date(date)), range: start..<end)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let dutchMonthNames = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// An exact decimal from plain digits with an optional `.` fraction.
    private static func decimal(_ literal: String, at range: Range<Int>) throws(ExpressionError) -> Decimal {
        let significant = literal.drop { $0 == "0" || $0 == "." }.filter { $0 != "." }
        guard significant.count <= 38, let value = Decimal(string: literal, locale: nil) else {
            throw ExpressionError(
                "'\(literal)' has more than 38 significant digits", nl: "'\(literal)' heeft meer dan 38 significante cijfers",
                at: range
            )
        }
        return value
    }

    // MARK: Money

    private mutating func money() throws(ExpressionError) -> Token {
        let start = position
        position += 1
        while peek() == " " || peek() == "\t" || peek() == "\u{00A0}" || peek() == "\u{202F}" { position += 1 }
        if peek() == "-" {
            throw ExpressionError(
                "a minus sign goes before '€'",
                nl: "een minteken staat vóór '€'",
                at: start..<position + 1,
                notes: [Phrase("write -€ 5 for a negative amount", nl: "schrijf -€ 5 voor een negatief bedrag")]
            )
        }
        guard Lexer.isDigit(peek()) else {
            throw ExpressionError("expected an amount after '€'", nl: "na '€' hoort een bedrag", at: start..<start + 1)
        }
        let firstGroupStart = position
        var whole = try digits(allowingUnderscores: false)
        let firstGroupLength = position - firstGroupStart
        var grouped = false
        while peek() == "." {
            var count = 0
            while Lexer.isDigit(peek(1 + count)) { count += 1 }
            guard count == 3 else {
                let end = position + 1 + count
                var notes = [
                    Phrase("in amounts, '.' separates thousands and ',' separates cents",
                           nl: "in bedragen scheidt '.' de duizendtallen en ',' de centen")
                ]
                if (1...2).contains(count) {
                    let cents = text(position + 1..<end)
                    notes.append(Phrase("write cents with a comma, as in € \(whole),\(cents)",
                                        nl: "schrijf centen met een komma, zoals € \(whole),\(cents)"))
                }
                throw ExpressionError(
                    "'.' in an amount must be followed by exactly 3 digits",
                    nl: "na een '.' in een bedrag horen precies 3 cijfers",
                    at: start..<end,
                    notes: notes
                )
            }
            grouped = true
            position += 1
            whole += try digits(allowingUnderscores: false)
        }
        if grouped, firstGroupLength > 3 {
            throw ExpressionError(
                "'.' must separate the digits of an amount into groups of 3",
                nl: "'.' moet de cijfers van een bedrag in groepjes van 3 verdelen",
                at: start..<position,
                notes: [Phrase("write € 1.250.000 or € 1250000", nl: "schrijf € 1.250.000 of € 1250000")]
            )
        }
        var literal = whole
        if peek() == ",", Lexer.isDigit(peek(1)) {
            var count = 0
            while Lexer.isDigit(peek(1 + count)) { count += 1 }
            guard count <= 2 else {
                throw ExpressionError(
                    "',' in an amount must be followed by 1 or 2 digits for the cents",
                    nl: "na een ',' in een bedrag horen 1 of 2 cijfers voor de centen",
                    at: start..<position + 1 + count,
                    notes: [
                        Phrase("write thousands with '.', as in € 5.100",
                               nl: "schrijf duizendtallen met '.', zoals € 5.100"),
                        Phrase("put a space after a ',' that separates arguments",
                               nl: "zet een spatie na een ',' die argumenten scheidt"),
                    ]
                )
            }
            position += 1
            literal += "." + (try digits(allowingUnderscores: false))
        }
        if peek() == "_" {
            throw ExpressionError(
                "unexpected '_' in an amount",
                nl: "onverwachte '_' in een bedrag",
                at: position..<position + 1,
                notes: [Phrase("group thousands in amounts with '.', as in € 125.000",
                               nl: "scheid duizendtallen in bedragen met '.', zoals € 125.000")]
            )
        }
        if Lexer.isWordCharacter(peek()) || peek() == "%" {
            throw ExpressionError(
                "unexpected '\(text(position..<position + 1))' after the amount '\(text(start..<position))'",
                nl: "onverwachte '\(text(position..<position + 1))' na het bedrag '\(text(start..<position))'",
                at: position..<position + 1
            )
        }
        let range = start..<position
        return Token(kind: .literal(.money(try Lexer.decimal(literal, at: range))), range: range)
    }

    // MARK: Text

    private mutating func string() throws(ExpressionError) -> Token {
        let start = position
        guard let quote = peek() else { preconditionFailure("string() called at the end of the text") }
        position += 1
        var value = ""
        while let scalar = peek() {
            if scalar == quote {
                position += 1
                return Token(kind: .literal(.text(value)), range: start..<position)
            }
            if scalar == "\\", quote == "\"" {
                guard let escaped = peek(1), escaped == "\"" || escaped == "\\" else {
                    let shown = peek(1).map { "\\\($0)" } ?? "\\"
                    throw ExpressionError(
                        "unknown escape '\(shown)' in text",
                        nl: "onbekende escape '\(shown)' in tekst",
                        at: position..<min(position + 2, scalars.count),
                        notes: [
                            Phrase("only \\\" and \\\\ are escapes; use single quotes for text with backslashes",
                                   nl: "alleen \\\" en \\\\ zijn escapes; zet tekst met backslashes tussen enkele aanhalingstekens")
                        ]
                    )
                }
                value.unicodeScalars.append(escaped)
                position += 2
                continue
            }
            value.unicodeScalars.append(scalar)
            position += 1
        }
        throw ExpressionError(
            "unterminated text",
            nl: "tekst zonder afsluitend aanhalingsteken",
            at: start..<position,
            notes: [Phrase("add a closing \(quote)", nl: "voeg een afsluitende \(quote) toe")]
        )
    }

    // MARK: Symbols

    private mutating func symbol() throws(ExpressionError) -> Token {
        let start = position
        guard let scalar = peek() else { preconditionFailure("symbol() called at the end of the text") }
        let following = peek(1)
        func token(_ symbol: Symbol, length: Int = 1) -> Token {
            position += length
            return Token(kind: .symbol(symbol), range: start..<position)
        }
        func misuse(_ written: String, _ advice: Phrase) -> ExpressionError {
            ExpressionError(
                "unexpected '\(written)', \(advice.en)", nl: "onverwachte '\(written)', \(advice.nl)",
                at: start..<start + written.unicodeScalars.count
            )
        }
        switch scalar {
        case "+": return token(.plus)
        case "-": return token(.minus)
        case "*": return token(.star)
        case "/": return token(.slash)
        case "(": return token(.leftParenthesis)
        case ")": return token(.rightParenthesis)
        case "[": return token(.leftBracket)
        case "]": return token(.rightBracket)
        case ",": return token(.comma)
        case "=":
            if following == "=" { return token(.equal, length: 2) }
            if following == ">" { throw misuse("=>", Phrase("use '>=' for at least", nl: "gebruik '>=' voor ten minste")) }
            if following == "<" { throw misuse("=<", Phrase("use '<=' for at most", nl: "gebruik '<=' voor ten hoogste")) }
            throw misuse("=", Phrase("use '==' to compare", nl: "gebruik '==' om te vergelijken"))
        case "!":
            if following == "=" { return token(.notEqual, length: 2) }
            throw misuse("!", Phrase("use 'not'", nl: "gebruik 'not'"))
        case "<":
            if following == "=" { return token(.lessOrEqual, length: 2) }
            if following == ">" { throw misuse("<>", Phrase("use '!='", nl: "gebruik '!='")) }
            return token(.less)
        case ">":
            if following == "=" { return token(.greaterOrEqual, length: 2) }
            return token(.greater)
        case "&": throw misuse(following == "&" ? "&&" : "&", Phrase("use 'and'", nl: "gebruik 'and'"))
        case "|": throw misuse(following == "|" ? "||" : "|", Phrase("use 'or'", nl: "gebruik 'or'"))
        case "%":
            throw ExpressionError(
                "unexpected '%'",
                nl: "onverwachte '%'",
                at: start..<start + 1,
                notes: [Phrase("a percentage is written right after a number, as in 20%",
                               nl: "schrijf een percentage direct na een getal, zoals 20%")]
            )
        case ".":
            throw ExpressionError(
                "unexpected '.'",
                nl: "onverwachte '.'",
                at: start..<start + 1,
                notes: Lexer.isDigit(following)
                    ? [Phrase("write a leading zero, as in 0.5", nl: "schrijf een nul ervoor, zoals 0.5")] : []
            )
        case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
            throw ExpressionError(
                "unexpected '\(scalar)'",
                nl: "onverwachte '\(scalar)'",
                at: start..<start + 1,
                notes: [Phrase("write text between straight quotes: \"text\" or 'text'",
                               nl: "zet tekst tussen rechte aanhalingstekens: \"tekst\" of 'tekst'")]
            )
        default:
            throw ExpressionError(
                "unexpected character '\(scalar)'", nl: "onverwacht teken '\(scalar)'", at: start..<start + 1
            )
        }
    }
}
