import KoersCore
import KoersExpression
import KoersInterview

extension EvaluationDocument {
    /// One calculation (a pack's `calculations:` item): its inputs with units and its results
    /// with units and formulas.
    public struct CalculationEntry: Sendable, Hashable, Codable {
        /// The calculation's id, the prefix of its output names.
        public var id: String
        /// The calculator's id, such as `blended_care`.
        public var calculator: String
        /// Its title.
        public var title: String
        /// Every input of the calculator, in its order.
        public var inputs: [CalculationInputEntry]
        /// Every output, in the calculator's order.
        public var outputs: [CalculationOutputEntry]
        /// Its sources.
        public var sources: [SourceEntry]
    }

    /// One input of a calculation.
    public struct CalculationInputEntry: Sendable, Hashable, Codable {
        /// The input's id.
        public var id: String
        /// Its short name.
        public var title: String
        /// Its unit, such as `EUR/jaar`.
        public var unit: String
        /// What to fill in.
        public var help: String
        /// Whether the pack binds it (otherwise it has its default).
        public var bound: Bool
        /// The exact value; `null` while it waits for answers.
        @Nullable public var value: ExactValue?
        /// The value for people; `null` while unknown.
        @Nullable public var formatted: String?
        /// The unanswered questions it waits for.
        public var missingQuestions: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, unit, help, bound, value, formatted
            case missingQuestions = "missing_questions"
        }
    }

    /// One result of a calculation.
    public struct CalculationOutputEntry: Sendable, Hashable, Codable {
        /// The output's id.
        public var id: String
        /// The name expressions read it by: `<calculation>_<output>`.
        public var name: String
        /// Its short name.
        public var title: String
        /// Its unit.
        public var unit: String
        /// The formula in words.
        public var formula: String
        /// Its type: `number`, `money`, `percentage`, `boolean` or `list of …`.
        public var type: String
        /// The exact value; `null` while unknown or when it does not exist for these inputs.
        @Nullable public var value: ExactValue?
        /// The value for people, rounded for display (money to cents, percentages and numbers to
        /// two decimals); `null` while unknown.
        @Nullable public var formatted: String?
        /// Why there is no value although the inputs are known, such as "never" for a
        /// break-even point that cannot be reached; `null` otherwise.
        @Nullable public var reason: String?
        /// The unanswered questions it waits for.
        public var missingQuestions: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, title, unit, formula, type, value, formatted, reason
            case missingQuestions = "missing_questions"
        }
    }

    /// The calculations of an evaluation as document entries.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluation.
    ///   - pack: The pack.
    ///   - language: `nl` or `en`.
    /// - Returns: One entry per calculation that applies (`CalculationResult.applies`), in
    ///   pack order.
    static func calculationEntries(
        of evaluation: Evaluation,
        pack: RulePack,
        language: String
    ) -> [CalculationEntry] {
        let formatter = ValueFormatter(language: language)
        let explainer = Explainer(pack: pack, language: language)
        return evaluation.calculations.filter(\.applies).map { result in
            CalculationEntry(
                id: result.calculation.id,
                calculator: result.calculation.calculator.id,
                title: result.calculation.title.text(in: language),
                inputs: result.inputs.map { input in
                    CalculationInputEntry(
                        id: input.input.id,
                        title: input.input.title.text(in: language),
                        unit: input.input.unit.text(in: language),
                        help: input.input.help.text(in: language),
                        bound: input.isBound,
                        value: input.result.value.map(ExactValue.init),
                        formatted: input.result.value.map(formatter.formatCalculated),
                        missingQuestions: evaluation.inPackOrder(input.result.missing)
                    )
                },
                outputs: result.outputs.map { output in
                    CalculationOutputEntry(
                        id: output.output.id,
                        name: output.name,
                        title: output.output.title.text(in: language),
                        unit: output.output.unit.text(in: language),
                        formula: output.output.formula.text(in: language),
                        type: output.output.valueType.description,
                        value: output.result.value.map(ExactValue.init),
                        formatted: output.result.value.map(formatter.formatCalculated),
                        reason: output.reason?.text(in: language),
                        missingQuestions: evaluation.inPackOrder(output.result.missing)
                    )
                },
                sources: result.calculation.citations.map { citation in
                    let declared = pack.manifest.sources.first { $0.id == citation.sourceID }
                    return SourceEntry(
                        id: citation.sourceID,
                        text: explainer.cite(citation),
                        place: citation.place,
                        url: declared?.url,
                        file: declared?.file,
                        year: declared?.year
                    )
                }
            )
        }
    }
}
