package nl.consilium.benchmarks.ingestion;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one ingestion run and their Markdown form (printed, and written to
 * {@code ingestion-<timestamp>.md}). Nullable fields are figures that could not be taken; they print
 * as "n/a".
 *
 * @param latencyMs p50, p90, p99, max, mean of the measured requests, in ms
 * @param perSecond documents answered in each whole second of the measured phase
 * @param publicationDelayMs p50, p99, max of "201 answered → ReferralReceived sent" in ms (null: not taken)
 * @param cpuSeconds CPU seconds used during the measured phase per component, in print order
 * @param otherCpuSeconds CPU seconds the rest of the machine used meanwhile (builds, other tests, ...)
 */
record IngestionReport(ZonedDateTime startedAt, List<String> problems, int referrals, int warmup, int clients,
        int xmlPercent, long seed, double averageDocumentKb, Map<String, Long> statusCounts, double seconds, double throughput,
        double[] latencyMs, long[] perSecond, Long newReferrals, Long newDocuments, Long knownLocations,
        Long publishedReferrals, Long publishedRecords, Long referralsWithSeveralEventIds, Duration outboxDrained,
        double[] publicationDelayMs, Double gatewayRssMb, Double gatewayPeakRssMb, Double gatewayHeapUsedMb,
        Map<String, Double> cpuSeconds, Double otherCpuSeconds, Machine machine, Context context) {

    /** Facts about the machine the run took place on. */
    record Machine(int cores, String cpu, double memoryGb, String os, String jdk) {
    }

    /** How the stack was set up (from the run script): commit, versions, services, JVM options. */
    record Context(String commit, String stack, String services, String gatewayJvm) {
    }

    static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter TITLE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT);

    boolean passed() {
        return problems.isEmpty();
    }

    String fileName() {
        return "ingestion-" + startedAt.withZoneSameInstant(ZoneOffset.UTC).format(FILE_STAMP) + ".md";
    }

    String toMarkdown() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("measured", String.format(Locale.ROOT,
                "%,d referrals after %,d warm-up, %s, %s (%.1f KB a document on average), generator seed %d",
                referrals, warmup, clients == 1 ? "1 client" : clients + " concurrent clients", formats(),
                averageDocumentKb, seed));
        rows.put("answers", statusCounts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s × %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
        rows.put("throughput", String.format(Locale.ROOT, "**%.1f referrals/s** (%,d in %.2f s%s)", throughput,
                referrals, seconds, perSecondSummary()));
        rows.put("latency", String.format(Locale.ROOT,
                "p50 **%s**, p90 %s, p99 **%s**, max %s (mean %s)", ms(latencyMs[0]), ms(latencyMs[1]),
                ms(latencyMs[2]), ms(latencyMs[3]), ms(latencyMs[4])));
        rows.put("stored", String.format(Locale.ROOT, "%s new referrals, %s new documents; %s of %,d Location ids "
                + "found in `referral`", n(newReferrals), n(newDocuments), n(knownLocations), referrals));
        rows.put("published", String.format(Locale.ROOT,
                "%s referrals with a ReferralReceived on consilium.referral (%s records, %s referrals with more "
                        + "than one event id); outbox drained %s after the last answer",
                n(publishedReferrals), n(publishedRecords), n(referralsWithSeveralEventIds),
                outboxDrained == null ? "NOT (timed out)" : String.format(Locale.ROOT, "%.2f s",
                        outboxDrained.toNanos() / 1e9)));
        rows.put("201 → on Kafka", publicationDelayMs == null ? "n/a" : String.format(Locale.ROOT,
                "p50 %s, p99 %s, max %s (answer read by the client → record timestamp of the relay's send)",
                ms(publicationDelayMs[0]), ms(publicationDelayMs[1]), ms(publicationDelayMs[2])));
        rows.put("gateway memory", String.format(Locale.ROOT, "RSS %s after the run (peak %s), heap used %s; JVM %s",
                mb(gatewayRssMb), mb(gatewayPeakRssMb), mb(gatewayHeapUsedMb), context.gatewayJvm()));
        rows.put("CPU in the measured phase", cpuSummary());
        rows.put("CPU per referral", perReferral());
        rows.put("machine", String.format(Locale.ROOT, "%d cores (%s), %.1f GB RAM, %s; JDK %s", machine.cores(),
                machine.cpu(), machine.memoryGb(), machine.os(), machine.jdk()));
        rows.put("stack", context.stack() + "; services running: " + context.services());
        rows.put("commit", context.commit());

        StringBuilder md = new StringBuilder();
        md.append("### Ingestion run ").append(startedAt.withZoneSameInstant(ZoneOffset.UTC).format(TITLE_STAMP))
                .append(" — ").append(passed() ? "PASS" : "FAIL").append("\n\n");
        md.append("| | |\n|---|---|\n");
        rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        if (!passed()) {
            md.append("\n**The run failed** (its throughput is not a valid figure):\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    private String formats() {
        return xmlPercent == 0 ? "JSON only" : xmlPercent == 100 ? "XML only"
                : String.format(Locale.ROOT, "%d %% JSON / %d %% XML", 100 - xmlPercent, xmlPercent);
    }

    private String perSecondSummary() {
        if (perSecond == null || perSecond.length < 3) {
            return "";
        }
        long[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "; per whole second min %d, median %d, max %d", sorted[0],
                sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private String cpuSummary() {
        if (cpuSeconds == null || cpuSeconds.isEmpty()) {
            return "n/a";
        }
        double available = machine.cores() * seconds;
        double total = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        String parts = cpuSeconds.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        String summary = String.format(Locale.ROOT, "%s; together %.1f s = %.0f %% of the %.1f s available "
                + "(%d cores × %.1f s)", parts, total, 100 * total / available, available, machine.cores(), seconds);
        if (otherCpuSeconds != null) {
            summary += String.format(Locale.ROOT, "; other processes on the machine %.1f s (%.0f %%)%s",
                    otherCpuSeconds, 100 * otherCpuSeconds / available,
                    otherCpuSeconds > 0.1 * available ? " — **not a quiet machine**: the figures are lower than "
                            + "the stack alone would reach" : "");
        }
        return summary;
    }

    /** CPU milliseconds per measured referral: the gateway's, and the stack's without the load generator. */
    private String perReferral() {
        if (cpuSeconds == null || !cpuSeconds.containsKey("gateway")) {
            return "n/a";
        }
        double stack = cpuSeconds.entrySet().stream().filter(e -> !e.getKey().startsWith("load generator"))
                .mapToDouble(Map.Entry::getValue).sum();
        return String.format(Locale.ROOT, "gateway %.1f ms, the stack (without the load generator) %.1f ms",
                1000 * cpuSeconds.get("gateway") / referrals, 1000 * stack / referrals);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    private static String mb(Double value) {
        return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.0f MB", value);
    }

    private static String n(Long value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%,d", value);
    }
}
