package nl.consilium.gateway.domain.transmural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of DOMAIN.md §2, row by row, for both referrer kinds. Answers are written Y, N or ? (unknown);
 * the expected author is TS (treating specialist) or GP.
 */
class TransmuralAgreementTest {

    @ParameterizedTest(name = "[{index}] treated={0} satisfied={1} returns={2} agrees={3} by {4} -> row {5}, {10}")
    @CsvSource(delimiter = '|', useHeadersInDisplayName = false, textBlock = """
            # treated | satisfied | returns | agrees | referrer   | row | author | new   | copy  | extra step                              | conformity | reason starts with
              Y       | Y         | Y       | ?      | SPECIALIST | 1   | TS     | false | false | SPECIALIST_DISCUSSES_WHERE              | CONFORMS   | treating specialist should refer: the patient is under treatment, satisfied and stays in treatment; referred by a medical specialist, as agreed
              Y       | Y         | Y       | ?      | GP         | 1   | TS     | false | false | SPECIALIST_DISCUSSES_WHERE              | MISMATCH   | treating specialist should refer: the patient is under treatment, satisfied and stays in treatment; but the referral came from a GP
              Y       | N         | Y       | ?      | SPECIALIST | 2a  | TS     | false | false | PATIENT_DISCUSSES_WITH_SPECIALIST_FIRST | CONFORMS   | treating specialist should refer: the patient is under treatment and will return
              Y       | N         | Y       | ?      | GP         | 2a  | TS     | false | false | PATIENT_DISCUSSES_WITH_SPECIALIST_FIRST | MISMATCH   | treating specialist should refer: the patient is under treatment and will return
              Y       | N         | N       | Y      | GP         | 2b  | GP     | false | false | GP_CONSULTS_TREATING_SPECIALIST_FIRST   | CONFORMS   | GP should refer: the patient is under treatment, not satisfied, will not return, and agrees
              Y       | N         | N       | Y      | SPECIALIST | 2b  | GP     | false | false | GP_CONSULTS_TREATING_SPECIALIST_FIRST   | MISMATCH   | GP should refer: the patient is under treatment, not satisfied, will not return, and agrees
              Y       | N         | N       | N      | GP         | 2c  | GP     | true  | false | NONE                                    | CONFORMS   | GP should refer: the patient is under treatment, not satisfied, will not return, and does not agree
              Y       | N         | N       | N      | SPECIALIST | 2c  | GP     | true  | false | NONE                                    | MISMATCH   | GP should refer: the patient is under treatment, not satisfied, will not return, and does not agree
              N       | ?         | N       | ?      | GP         | 3   | GP     | true  | true  | NONE                                    | CONFORMS   | GP should refer: the patient is no longer under treatment and will not return; referred by a GP, as agreed
              N       | ?         | N       | ?      | SPECIALIST | 3   | GP     | true  | true  | NONE                                    | MISMATCH   | GP should refer: the patient is no longer under treatment and will not return; but the referral came from a medical specialist
            """)
    void everyRowOfTheTableForBothReferrerKinds(String treated, String satisfied, String returns, String agrees,
            ReferrerKind referrer, String row, String author, boolean newReferral, boolean copy, ExtraStep extraStep,
            Conformity conformity, String reasonStart) {
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation(treated, satisfied, returns, agrees),
                referrer);

        assertThat(assessment.row()).isEqualTo(TableRow.fromLabel(row));
        assertThat(assessment.row().label()).isEqualTo(row);
        assertThat(assessment.expectedAuthor()).contains(author.equals("TS") ? LetterAuthor.TREATING_SPECIALIST
                : LetterAuthor.GP);
        assertThat(assessment.newReferral()).isEqualTo(newReferral);
        assertThat(assessment.copyToFirstSpecialistRequired()).isEqualTo(copy);
        assertThat(assessment.extraStep()).isEqualTo(extraStep);
        assertThat(assessment.referrer()).isEqualTo(referrer);
        assertThat(assessment.conformity()).isEqualTo(conformity);
        assertThat(assessment.mismatch()).isEqualTo(conformity == Conformity.MISMATCH);
        assertThat(assessment.flaggedForIntake()).isEqualTo(conformity == Conformity.MISMATCH);
        assertThat(assessment.reason()).startsWith(reasonStart);
        if (newReferral) {
            assertThat(assessment.reason()).contains("counts as a new referral");
        } else {
            assertThat(assessment.reason()).doesNotContain("new referral");
        }
        if (copy) {
            assertThat(assessment.reason()).contains("copy of the letter to the first specialist");
        }
        if (extraStep != ExtraStep.NONE) {
            assertThat(assessment.reason()).endsWith("extra step: " + extraStep.text());
        }
    }

    /** Questionnaires skip questions the earlier answers make irrelevant; answered anyway, they change nothing. */
    @ParameterizedTest(name = "[{index}] treated={0} satisfied={1} returns={2} agrees={3} -> row {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Y | Y | ? | ? | 1
            Y | Y | Y | Y | 1
            Y | Y | Y | N | 1
            Y | N | Y | Y | 2a
            Y | N | Y | N | 2a
            N | ? | ? | ? | 3
            N | Y | N | Y | 3
            N | N | N | N | 3
            N | N | ? | Y | 3
            """)
    void answersOffThePathDoNotChangeTheRow(String treated, String satisfied, String returns, String agrees,
            String row) {
        for (ReferrerKind referrer : List.of(ReferrerKind.GP, ReferrerKind.SPECIALIST)) {
            assertThat(TransmuralAgreement.assess(situation(treated, satisfied, returns, agrees), referrer).row())
                    .isEqualTo(TableRow.fromLabel(row));
        }
    }

    @ParameterizedTest(name = "[{index}] treated={0} satisfied={1} returns={2} agrees={3} by {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # treated | satisfied | returns | agrees | referrer   | why
              ?       | Y         | Y       | ?      | SPECIALIST | it is not answered whether the patient is under treatment
              ?       | ?         | ?       | ?      | GP         | it is not answered whether the patient is under treatment
              N       | ?         | Y       | ?      | GP         | contradictory answers: the patient is no longer under treatment but will return
              N       | N         | Y       | N      | SPECIALIST | contradictory answers: the patient is no longer under treatment but will return
              Y       | ?         | Y       | ?      | SPECIALIST | it is not answered whether the patient is satisfied
              Y       | ?         | N       | Y      | GP         | it is not answered whether the patient is satisfied
              Y       | Y         | N       | ?      | GP         | the patient is satisfied but will not return to the treating specialist, which the table does not cover
              Y       | Y         | N       | Y      | SPECIALIST | the patient is satisfied but will not return to the treating specialist, which the table does not cover
              Y       | N         | ?       | ?      | GP         | it is not answered whether the patient will return
              Y       | N         | ?       | Y      | SPECIALIST | it is not answered whether the patient will return
              Y       | N         | N       | ?      | GP         | it is not answered whether the patient agrees that the GP consults the treating specialist
              Y       | N         | N       | ?      | SPECIALIST | it is not answered whether the patient agrees that the GP consults the treating specialist
            """)
    void missingOrContradictoryAnswersAreUndeterminedAndFlaggedNotRejected(String treated, String satisfied,
            String returns, String agrees, ReferrerKind referrer, String why) {
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation(treated, satisfied, returns, agrees),
                referrer);

        assertThat(assessment.row()).isEqualTo(TableRow.UNDETERMINED);
        assertThat(assessment.row().isDetermined()).isFalse();
        assertThat(assessment.expectedAuthor()).isEmpty();
        assertThat(assessment.newReferral()).isFalse();
        assertThat(assessment.copyToFirstSpecialistRequired()).isFalse();
        assertThat(assessment.extraStep()).isEqualTo(ExtraStep.NONE);
        assertThat(assessment.conformity()).isEqualTo(Conformity.UNVERIFIABLE);
        assertThat(assessment.mismatch()).isFalse();
        assertThat(assessment.flaggedForIntake()).isTrue();
        assertThat(assessment.reason()).startsWith("cannot tell who should refer: " + why)
                .contains("the intake nurse decides who should refer")
                .endsWith("referred by " + (referrer == ReferrerKind.GP ? "a GP" : "a medical specialist"));
    }

    @Test
    void aReferrerWhoIsNeitherGpNorSpecialistIsAMismatch() {
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation("N", "?", "N", "?"), ReferrerKind.OTHER);

        assertThat(assessment.row()).isEqualTo(TableRow.ROW_3);
        assertThat(assessment.mismatch()).isTrue();
        assertThat(assessment.flaggedForIntake()).isTrue();
        assertThat(assessment.reason()).startsWith("GP should refer: the patient is no longer under treatment"
                + " and will not return; but the referral came from a care provider who is neither a GP nor a"
                + " medical specialist");
    }

    @Test
    void anUnknownReferrerCannotBeCheckedButTheRowStillSaysWhatIsAsked() {
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation("Y", "N", "N", "N"), (String) null);

        assertThat(assessment.row()).isEqualTo(TableRow.ROW_2C);
        assertThat(assessment.expectedAuthor()).contains(LetterAuthor.GP);
        assertThat(assessment.newReferral()).isTrue();
        assertThat(assessment.referrer()).isEqualTo(ReferrerKind.UNKNOWN);
        assertThat(assessment.conformity()).isEqualTo(Conformity.UNVERIFIABLE);
        assertThat(assessment.mismatch()).isFalse();
        assertThat(assessment.flaggedForIntake()).isTrue();
        assertThat(assessment.reason()).contains("who referred cannot be checked: a referrer of unknown kind");
    }

    @Test
    void theAgbOverloadDerivesTheReferrerKind() {
        QuestionnaireSituation row1 = situation("Y", "Y", "Y", "?");

        assertThat(TransmuralAgreement.assess(row1, "01123456").mismatch()).isTrue();
        assertThat(TransmuralAgreement.assess(row1, "03123456").conformity()).isEqualTo(Conformity.CONFORMS);
    }

    @Test
    void nullArgumentsAreReadAsUnknownNotAsErrors() {
        TransmuralAssessment assessment = TransmuralAgreement.assess(null, (ReferrerKind) null);

        assertThat(assessment.row()).isEqualTo(TableRow.UNDETERMINED);
        assertThat(assessment.referrer()).isEqualTo(ReferrerKind.UNKNOWN);
        assertThat(assessment.flaggedForIntake()).isTrue();
        assertThat(new QuestionnaireSituation(null, null, null, null)).isEqualTo(QuestionnaireSituation.UNANSWERED);
    }

    /** All 3⁴ answer combinations × all referrer kinds: never an exception, and the outcome is consistent. */
    @ParameterizedTest
    @MethodSource("everyCombination")
    void everyCombinationGivesAConsistentAssessment(QuestionnaireSituation situation, ReferrerKind referrer) {
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation, referrer);

        assertThat(assessment.reason()).isNotBlank();
        assertThat(assessment.expectedAuthor().isPresent()).isEqualTo(assessment.row().isDetermined());
        assertThat(assessment.conformity()).isEqualTo(Conformity.of(assessment.row(), referrer));
        if (assessment.row().isDetermined()) {
            // the decisive answers were all given
            assertThat(situation.underTreatment().isKnown()).isTrue();
            if (situation.underTreatment() == Answer.YES) {
                assertThat(situation.satisfied().isKnown()).isTrue();
            }
            if (assessment.row() == TableRow.ROW_2B || assessment.row() == TableRow.ROW_2C) {
                assertThat(situation.agreesToConsultation().isKnown()).isTrue();
            }
            LetterAuthor author = assessment.expectedAuthor().orElseThrow();
            assertThat(assessment.reason()).startsWith(author.text() + " should refer: ");
            assertThat(assessment.mismatch()).isEqualTo(referrer != ReferrerKind.UNKNOWN && !referrer.is(author));
        } else {
            assertThat(assessment.mismatch()).isFalse();
            assertThat(assessment.flaggedForIntake()).isTrue();
        }
        // the GP always writes when the patient will not return; a treating specialist only when they stay
        if (assessment.expectedAuthor().equals(Optional.of(LetterAuthor.TREATING_SPECIALIST))) {
            assertThat(situation.underTreatment()).isEqualTo(Answer.YES);
            assertThat(situation.willReturn()).isNotEqualTo(Answer.NO);
        }
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Answer treated : Answer.values()) {
            for (Answer satisfied : Answer.values()) {
                for (Answer returns : Answer.values()) {
                    for (Answer agrees : Answer.values()) {
                        for (ReferrerKind referrer : ReferrerKind.values()) {
                            all.add(Arguments.of(new QuestionnaireSituation(treated, satisfied, returns, agrees),
                                    referrer));
                        }
                    }
                }
            }
        }
        assertThat(all).hasSize(81 * 4);
        return all.stream();
    }

    @Test
    void everyCombinationReachesEachRowOfTheTable() {
        List<TableRow> reached = everyCombination()
                .map(arguments -> TransmuralAgreement.assess((QuestionnaireSituation) arguments.get()[0],
                        ReferrerKind.GP).row())
                .distinct().toList();
        assertThat(reached).containsExactlyInAnyOrder(TableRow.values());
    }

    @Test
    void anAssessmentCannotClaimAConformityItsRowAndReferrerDoNotGive() {
        assertThatThrownBy(() -> new TransmuralAssessment(TableRow.ROW_1, ReferrerKind.GP, Conformity.CONFORMS, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow");
        assertThatThrownBy(() -> new TransmuralAssessment(TableRow.UNDETERMINED, ReferrerKind.GP,
                Conformity.MISMATCH, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransmuralAssessment(TableRow.ROW_3, ReferrerKind.GP, Conformity.CONFORMS, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    @Test
    void toStringShowsNoAnswersAndNoReason() {
        QuestionnaireSituation situation = situation("Y", "N", "Y", "?");
        TransmuralAssessment assessment = TransmuralAgreement.assess(situation, ReferrerKind.GP);

        assertThat(situation.toString()).doesNotContain("YES").doesNotContain("NO");
        assertThat(assessment.toString()).doesNotContain("satisfied").doesNotContain("treatment")
                .doesNotContain("2a").contains("MISMATCH");
    }

    @ParameterizedTest(name = "AGB \"{0}\" -> {1}")
    @CsvSource(nullValues = "NULL", textBlock = """
            01123456,  GP
            01000000,  GP
            03123456,  SPECIALIST
            03999999,  SPECIALIST
            02123456,  OTHER
            04123456,  OTHER
            06010713,  OTHER
            30123456,  OTHER
            10123456,  OTHER
            0112345,   UNKNOWN
            011234567, UNKNOWN
            0112345x,  UNKNOWN
            '01 123456', UNKNOWN
            '',        UNKNOWN
            NULL,      UNKNOWN
            """)
    void agbProviderTypeGivesTheReferrerKind(String agb, ReferrerKind expected) {
        assertThat(ReferrerKind.fromAgb(agb)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "NULL", textBlock = """
            yes,      YES
            YES,      YES
            ' Ja ',   YES
            j,        YES
            true,     YES
            1,        YES
            no,       NO
            Nee,      NO
            N,        NO
            FALSE,    NO
            0,        NO
            onbekend, UNKNOWN
            weet niet, UNKNOWN
            maybe,    UNKNOWN
            '',       UNKNOWN
            NULL,     UNKNOWN
            """)
    void answersAreReadForgivingly(String text, Answer expected) {
        assertThat(Answer.parse(text)).isEqualTo(expected);
    }

    @Test
    void booleanAnswersMapNullToUnknown() {
        assertThat(QuestionnaireSituation.of(true, false, null, true)).isEqualTo(
                new QuestionnaireSituation(Answer.YES, Answer.NO, Answer.UNKNOWN, Answer.YES));
    }

    @ParameterizedTest
    @EnumSource(TableRow.class)
    void rowLabelsRoundTrip(TableRow row) {
        assertThat(TableRow.fromLabel(row.label())).isEqualTo(row);
        assertThat(TableRow.fromLabel(row.label().toUpperCase())).isEqualTo(row);
    }

    @Test
    void anUnknownRowLabelIsRejected() {
        assertThatThrownBy(() -> TableRow.fromLabel("4")).isInstanceOf(IllegalArgumentException.class);
    }

    private static QuestionnaireSituation situation(String treated, String satisfied, String returns, String agrees) {
        return new QuestionnaireSituation(answer(treated), answer(satisfied), answer(returns), answer(agrees));
    }

    private static Answer answer(String code) {
        return switch (code) {
            case "Y" -> Answer.YES;
            case "N" -> Answer.NO;
            case "?" -> Answer.UNKNOWN;
            default -> throw new IllegalArgumentException("test table answer must be Y, N or ?: " + code);
        };
    }
}
