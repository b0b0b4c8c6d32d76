package nl.consilium.gateway.domain.transmural;

import java.util.Objects;

/**
 * The situation the referrer reports in the ZorgDomein questionnaire (DOMAIN.md §3): the four
 * questions of the transmural agreement. Each answer may be {@link Answer#UNKNOWN}; questionnaires
 * usually skip questions that the earlier answers make irrelevant, and
 * {@link TransmuralAgreement#assess} only needs the answers on the path through the table.
 * {@code toString} leaves the answers out: they are medical content.
 *
 * @param underTreatment is the patient under treatment of a (first) specialist?
 * @param satisfied is the patient satisfied with the treatment and the diagnosis?
 * @param willReturn will the patient return to (stay with) the treating specialist?
 * @param agreesToConsultation does the patient agree that the GP consults the treating specialist?
 */
public record QuestionnaireSituation(Answer underTreatment, Answer satisfied, Answer willReturn,
        Answer agreesToConsultation) {

    /** Nothing answered. */
    public static final QuestionnaireSituation UNANSWERED =
            new QuestionnaireSituation(Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);

    /** A null answer is {@link Answer#UNKNOWN}. */
    public QuestionnaireSituation {
        underTreatment = Objects.requireNonNullElse(underTreatment, Answer.UNKNOWN);
        satisfied = Objects.requireNonNullElse(satisfied, Answer.UNKNOWN);
        willReturn = Objects.requireNonNullElse(willReturn, Answer.UNKNOWN);
        agreesToConsultation = Objects.requireNonNullElse(agreesToConsultation, Answer.UNKNOWN);
    }

    /** From nullable booleans: {@code null} is unknown. */
    public static QuestionnaireSituation of(Boolean underTreatment, Boolean satisfied, Boolean willReturn,
            Boolean agreesToConsultation) {
        return new QuestionnaireSituation(Answer.of(underTreatment), Answer.of(satisfied), Answer.of(willReturn),
                Answer.of(agreesToConsultation));
    }

    @Override
    public String toString() {
        return "QuestionnaireSituation[answers not shown]";
    }
}
