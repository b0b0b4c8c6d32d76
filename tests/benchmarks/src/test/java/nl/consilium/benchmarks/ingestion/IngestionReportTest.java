package nl.consilium.benchmarks.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its report; no stack, no timing (figures are never asserted). */
class IngestionReportTest {

    @Test
    void optionsHaveTheDocumentedDefaultsAndRejectNonsense() {
        IngestionOptions defaults = IngestionOptions.parse();
        assertThat(defaults.referrals()).isEqualTo(2_000);
        assertThat(defaults.clients()).isEqualTo(8);
        assertThat(defaults.warmup()).isEqualTo(200);
        assertThat(defaults.xmlPercent()).isZero();
        assertThat(defaults.seed()).isEmpty();
        assertThat(defaults.quietWaitSeconds()).isZero();

        IngestionOptions set = IngestionOptions.parse("--referrals", "5_000", "--clients", "16", "--xml-percent", "25",
                "--seed", "42");
        assertThat(set.referrals()).isEqualTo(5_000);
        assertThat(set.seedOrRandom()).isEqualTo(42);

        assertThatThrownBy(() -> IngestionOptions.parse("--clients", "0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> IngestionOptions.parse("--xml-percent", "101")).hasMessageContaining("0 and 100");
        assertThatThrownBy(() -> IngestionOptions.parse("--referrals")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> IngestionOptions.parse("--fast", "1")).hasMessageContaining("unknown option");
    }

    @Test
    void theXmlShareIsSpreadEvenlyOverTheRun() {
        IngestionOptions quarter = IngestionOptions.parse("--xml-percent", "25");
        assertThat(LongStream.range(0, 2_000).filter(quarter::asXml).count()).isEqualTo(500);
        assertThat(LongStream.range(0, 100).filter(quarter::asXml).count()).isEqualTo(25);
        assertThat(LongStream.range(0, 8).filter(quarter::asXml)).containsExactly(3L, 7L);
        assertThat(LongStream.range(0, 1_000).filter(IngestionOptions.parse()::asXml).count()).isZero();
        assertThat(LongStream.range(0, 1_000).filter(IngestionOptions.parse("--xml-percent", "100")::asXml).count())
                .isEqualTo(1_000);
    }

    @Test
    void referralIdsComeFromTheLocationAndPercentilesAreNearestRank() {
        assertThat(IngestionBenchmark.referralId("/api/referrals/0b6f3c8e-6a8e-4d3b-9f59-8a0c2b3f4e5d"))
                .isEqualTo("0b6f3c8e-6a8e-4d3b-9f59-8a0c2b3f4e5d");
        assertThat(IngestionBenchmark.referralId("http://localhost:38081/api/referrals/0b6f3c8e-6a8e-4d3b-9f59-8a0c2b3f4e5d"))
                .isEqualTo("0b6f3c8e-6a8e-4d3b-9f59-8a0c2b3f4e5d");
        assertThat(IngestionBenchmark.referralId("/api/referrals/not-a-uuid")).isNull();
        assertThat(IngestionBenchmark.referralId(null)).isNull();

        long[] sorted = LongStream.rangeClosed(1, 100).toArray();
        assertThat(IngestionBenchmark.percentile(sorted, 50)).isEqualTo(50);
        assertThat(IngestionBenchmark.percentile(sorted, 99)).isEqualTo(99);
        assertThat(IngestionBenchmark.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void theReportSaysPassOrFailAndWhy() {
        IngestionReport passed = report(List.of());
        assertThat(passed.fileName()).isEqualTo("ingestion-20260305-140203.md");
        assertThat(passed.toMarkdown())
                .startsWith("### Ingestion run 2026-03-05 14:02 UTC — PASS")
                .contains("| measured | 2,000 referrals after 200 warm-up, 8 concurrent clients, JSON only (9.3 KB a "
                        + "document on average), generator seed 42 |")
                .contains("| answers | 201 × 2,000 |")
                .contains("**125.0 referrals/s** (2,000 in 16.00 s; per whole second min 110, median 125, max 140)")
                .contains("p50 **61.2 ms**, p90 80.0 ms, p99 **150.4 ms**, max 401.0 ms (mean 64.5 ms)")
                .contains("2,000 new referrals, 2,000 new documents; 2,000 of 2,000 Location ids")
                .contains("outbox drained 0.35 s after the last answer")
                .contains("gateway 20.0 s, PostgreSQL 6.0 s; together 26.0 s = 81 % of the 32.0 s available (2 cores × 16.0 s); "
                        + "other processes on the machine 1.0 s (3 %) |")
                .contains("| CPU per referral | gateway 10.0 ms, the stack (without the load generator) 13.0 ms |")
                .contains("RSS 310 MB after the run (peak 330 MB), heap used n/a; JVM -Xmx256m")
                .doesNotContain("failed");

        IngestionReport failed = report(List.of("3 of 2,000 answers were not 201: {201=1997, 500=3}"));
        assertThat(failed.toMarkdown()).contains("— FAIL")
                .contains("**The run failed**")
                .contains("- 3 of 2,000 answers were not 201");
    }

    private static IngestionReport report(List<String> problems) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("gateway", 20.0);
        cpu.put("PostgreSQL", 6.0);
        return new IngestionReport(ZonedDateTime.of(2026, 3, 5, 15, 2, 3, 0, ZoneOffset.ofHours(1)), problems, 2_000,
                200, 8, 0, 42, 9.25, Map.of("201", 2_000L), 16.0, 125.0, new double[] {61.2, 80.0, 150.4, 401.0, 64.5},
                new long[] {110, 125, 140, 120, 130}, 2_000L, 2_000L, 2_000L, 2_000L, 2_000L, 0L,
                Duration.ofMillis(350), new double[] {5, 30, 90}, 310.0, 330.0, null, cpu, 1.0,
                new IngestionReport.Machine(2, "Test CPU", 23.5, "Linux 6.1", "Eclipse Adoptium 25"),
                new IngestionReport.Context("abc1234", "PostgreSQL 17.6.0, Kafka 4.1.1, Keycloak 26.7.3",
                        "referral-gateway", "-Xmx256m"));
    }
}
