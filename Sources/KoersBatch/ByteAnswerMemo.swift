import KoersCore
import KoersInterview

/// What the JSON values of a batch's rows read as, by question, keyed by the value's bytes as
/// written in the line (`"ja"`, `30000`, `"€ 30.000"`, `["a","b"]`), so a value met before for
/// the same question is neither made into a string nor read again.
///
/// A reading depends only on the input and the question (``Interview/reading(of:at:)``; the
/// validations that read other answers are checked for every row), so a remembered reading is
/// the reading. The bytes include a string's quotes, so the string `"30000"` and the number
/// `30000` are different keys, as they are different inputs.
///
/// It is bounded whatever the rows hold: at most ``perQuestion`` values of at most
/// ``longestKey`` bytes per question and ``capacity`` in all; after that it stops learning.
/// One memo belongs to one task at a time.
struct ByteAnswerMemo: Sendable {
    /// What a value read as, for the fast path: the answer, or not accepted (the row then takes
    /// the full path, which says why; the problem itself is not kept).
    enum Reading: Sendable {
        case accepted(AnswerState)
        case rejected

        /// The reading of an engine's result.
        init(_ result: Result<AnswerState, AnswerProblem>) {
            switch result {
            case .success(let state): self = .accepted(state)
            case .failure: self = .rejected
            }
        }
    }

    /// The most values remembered per question.
    static let perQuestion = 1024
    /// The most values remembered in all.
    static let capacity = 16_384
    /// The longest value remembered, in bytes.
    static let longestKey = 64
    /// Slots of the hash table: twice the capacity, a power of two.
    private static let slotCount = 32_768

    private struct Entry: Sendable {
        var hash: UInt64
        var question: Int32
        var start: Int32
        var length: Int32
    }

    /// Each slot holds an entry's index plus one, or 0 when empty; made on first use.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var readings: [Reading] = []
    /// The keys' bytes, one after another.
    private var keys: [UInt8] = []
    /// Values remembered per question.
    private var counts: [Int]
    /// The readings of the literals `false` and `true`, at `2 × question` and one after: the
    /// commonest values of a row, read without hashing their bytes.
    private var literals: [Reading?]

    /// An empty memo for a pack with this many questions.
    init(questionCount: Int) {
        counts = Array(repeating: 0, count: questionCount)
        literals = Array(repeating: nil, count: 2 * questionCount)
    }

    /// The remembered reading of a row's value for the question at a position.
    ///
    /// - Parameters:
    ///   - value: The value's bytes as written in the line.
    ///   - kind: Its kind; the literals `true` and `false` are found by question alone.
    ///   - question: The question's position.
    func reading(of value: UnsafeBufferPointer<UInt8>, kind: ScannedField.Kind, question: Int) -> Reading? {
        switch kind {
        case .trueValue: reading(of: true, question: question)
        case .falseValue: reading(of: false, question: question)
        default: reading(of: value, hash: Self.hash(value, question: question), question: question)
        }
    }

    /// Remembers the reading of a row's value (see ``reading(of:kind:question:)``).
    mutating func remember(_ reading: Reading, of value: UnsafeBufferPointer<UInt8>, kind: ScannedField.Kind, question: Int) {
        switch kind {
        case .trueValue: remember(reading, of: true, question: question)
        case .falseValue: remember(reading, of: false, question: question)
        default: remember(reading, of: value, hash: Self.hash(value, question: question), question: question)
        }
    }

    private func reading(of literal: Bool, question: Int) -> Reading? {
        let index = 2 * question + (literal ? 1 : 0)
        return index < literals.count ? literals[index] : nil
    }

    private mutating func remember(_ reading: Reading, of literal: Bool, question: Int) {
        let index = 2 * question + (literal ? 1 : 0)
        if index < literals.count { literals[index] = reading }
    }

    /// The hash of a value's bytes for a question.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, question: Int) -> UInt64 {
        var hash = JSONRowParser.fingerprintBasis ^ (UInt64(truncatingIfNeeded: question) &* 0x9E37_79B9_7F4A_7C15)
        for byte in key { hash = (hash ^ UInt64(byte)) &* JSONRowParser.fingerprintPrime }
        return hash
    }

    private func reading(of key: UnsafeBufferPointer<UInt8>, hash: UInt64, question: Int) -> Reading? {
        guard !slots.isEmpty, key.count <= Self.longestKey else { return nil }
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let entry = entries[stored - 1]
            if entry.hash == hash, entry.question == question, Int(entry.length) == key.count,
                keys.withUnsafeBufferPointer({ all in
                    ShortBytes.equal(UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start + entry.length)]), key)
                })
            {
                return readings[stored - 1]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers a reading while there is room and the value is short.
    private mutating func remember(
        _ reading: Reading,
        of key: UnsafeBufferPointer<UInt8>,
        hash: UInt64,
        question: Int
    ) {
        guard question < counts.count, counts[question] < Self.perQuestion, entries.count < Self.capacity,
            key.count <= Self.longestKey
        else { return }
        if slots.isEmpty { slots = [Int32](repeating: 0, count: Self.slotCount) }
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        entries.append(
            Entry(hash: hash, question: Int32(question), start: Int32(keys.count), length: Int32(key.count))
        )
        keys.append(contentsOf: key)
        readings.append(reading)
        slots[slot] = Int32(entries.count)
        counts[question] += 1
    }
}
