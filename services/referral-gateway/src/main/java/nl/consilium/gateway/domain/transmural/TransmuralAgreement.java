package nl.consilium.gateway.domain.transmural;

import java.util.Objects;

/**
 * The transmural agreement on second opinions (Treant, January 2015; DOMAIN.md §2) as a pure
 * function. The questionnaire is read as a decision tree, so only answers on the path matter:
 *
 * <pre>
 * under treatment?
 *   no  → will return = yes ? UNDETERMINED (contradictory) : row 3
 *   yes → satisfied?
 *           yes → will return = no ? UNDETERMINED (not in the table) : row 1
 *           no  → will return?
 *                   yes → row 2a
 *                   no  → agrees that the GP consults the specialist?  yes → 2b, no → 2c
 *   any unknown answer on the path → UNDETERMINED
 * </pre>
 *
 * A referrer other than the one the row asks for is never an error: the assessment says so, with a
 * reason for the intake nurse.
 */
public final class TransmuralAgreement {

    private static final String NURSE_DECIDES = "the intake nurse decides who should refer";

    private TransmuralAgreement() {
    }

    /**
     * Assesses a referral. {@code null} arguments are read as nothing answered and an unknown
     * referrer; this method never throws for any combination of answers.
     */
    public static TransmuralAssessment assess(QuestionnaireSituation situation, ReferrerKind referrer) {
        QuestionnaireSituation answers = Objects.requireNonNullElse(situation, QuestionnaireSituation.UNANSWERED);
        ReferrerKind kind = Objects.requireNonNullElse(referrer, ReferrerKind.UNKNOWN);
        return switch (decide(answers)) {
            case Row(TableRow row) -> determined(row, kind);
            case Undetermined(String why) -> undetermined(why, kind);
        };
    }

    /** Convenience: the referrer kind from the referrer's AGB code. */
    public static TransmuralAssessment assess(QuestionnaireSituation situation, String referrerAgb) {
        return assess(situation, ReferrerKind.fromAgb(referrerAgb));
    }

    private sealed interface Decision permits Row, Undetermined {
    }

    private record Row(TableRow row) implements Decision {
    }

    private record Undetermined(String why) implements Decision {
    }

    private static Decision decide(QuestionnaireSituation s) {
        return switch (s.underTreatment()) {
            case UNKNOWN -> new Undetermined("it is not answered whether the patient is under treatment");
            case NO -> s.willReturn() == Answer.YES
                    ? new Undetermined("contradictory answers: the patient is no longer under treatment"
                            + " but will return to the treating specialist")
                    : new Row(TableRow.ROW_3);
            case YES -> switch (s.satisfied()) {
                case UNKNOWN -> new Undetermined(
                        "it is not answered whether the patient is satisfied with the treatment and diagnosis");
                case YES -> s.willReturn() == Answer.NO
                        ? new Undetermined("the patient is satisfied but will not return to the treating"
                                + " specialist, which the table does not cover")
                        : new Row(TableRow.ROW_1);
                case NO -> switch (s.willReturn()) {
                    case UNKNOWN -> new Undetermined(
                            "it is not answered whether the patient will return to the treating specialist");
                    case YES -> new Row(TableRow.ROW_2A);
                    case NO -> switch (s.agreesToConsultation()) {
                        case UNKNOWN -> new Undetermined("it is not answered whether the patient agrees that"
                                + " the GP consults the treating specialist (the GP should refer either way;"
                                + " that answer decides whether it is a new referral)");
                        case YES -> new Row(TableRow.ROW_2B);
                        case NO -> new Row(TableRow.ROW_2C);
                    };
                };
            };
        };
    }

    private static TransmuralAssessment determined(TableRow row, ReferrerKind referrer) {
        LetterAuthor author = row.expectedAuthor().orElseThrow();
        Conformity conformity = Conformity.of(row, referrer);
        StringBuilder reason = new StringBuilder()
                .append(author.text()).append(" should refer: ").append(row.situation()).append("; ")
                .append(switch (conformity) {
                    case CONFORMS -> "referred by " + referrer.describe() + ", as agreed";
                    case MISMATCH -> "but the referral came from " + referrer.describe();
                    case UNVERIFIABLE -> "who referred cannot be checked: " + referrer.describe();
                });
        if (row.newReferral()) {
            reason.append("; counts as a new referral");
        }
        if (row.copyToFirstSpecialistRequired()) {
            reason.append("; the GP sends a copy of the letter to the first specialist");
        }
        if (row.extraStep() != ExtraStep.NONE) {
            reason.append("; extra step: ").append(row.extraStep().text());
        }
        return new TransmuralAssessment(row, referrer, conformity, reason.toString());
    }

    private static TransmuralAssessment undetermined(String why, ReferrerKind referrer) {
        String reason = "cannot tell who should refer: " + why + "; " + NURSE_DECIDES + "; referred by "
                + referrer.describe();
        return new TransmuralAssessment(TableRow.UNDETERMINED, referrer, Conformity.UNVERIFIABLE, reason);
    }
}
