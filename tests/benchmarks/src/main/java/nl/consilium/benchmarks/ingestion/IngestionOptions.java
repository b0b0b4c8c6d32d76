package nl.consilium.benchmarks.ingestion;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * What one ingestion run does: how many referrals (after how many unmeasured warm-up ones), from how
 * many concurrent clients, which share as XML, from which generator seed; where the report goes.
 *
 * @param seed empty: a random one (printed in the report, so a run can be repeated on a fresh stack)
 */
record IngestionOptions(int referrals, int clients, int warmup, int xmlPercent, OptionalLong seed, Path outputDir,
        int relayTimeoutSeconds, int quietWaitSeconds) {

    static final int DEFAULT_REFERRALS = 2_000;
    static final int DEFAULT_CLIENTS = 8;
    static final int DEFAULT_WARMUP = 200;

    static final String USAGE = """
            Usage: IngestionBenchmark [--referrals N] [--clients C] [--warmup W] [--xml-percent P] [--seed S]
                                      [--out DIR] [--relay-timeout SECONDS] [--quiet-wait SECONDS]
              --referrals N        referrals POSTed in the measured phase [2000]
              --clients C          concurrent clients (threads, one HTTP connection each) [8]
              --warmup W           referrals POSTed first, not measured [200]
              --xml-percent P      share of documents sent as application/fhir+xml, 0-100 [0]
              --seed S             ReferralGenerator seed [random]
              --out DIR            where ingestion-<timestamp>.md goes [target]
              --relay-timeout S    how long to wait for the outbox relay to catch up [120]
              --quiet-wait S       before the measured phase, wait up to S seconds until other processes
                                   use less than 10 % of the machine's CPU [0: do not wait]
            Environment (as printed by deploy/local/consilium env): CONSILIUM_GATEWAY_URL,
            CONSILIUM_KEYCLOAK_URL, CONSILIUM_KEYCLOAK_REALM, CONSILIUM_PG_JDBC_URL,
            CONSILIUM_KAFKA_BOOTSTRAP_SERVERS, CONSILIUM_DATA (for the gateway's pid file).
            """;

    IngestionOptions {
        if (referrals < 1) {
            throw new IllegalArgumentException("--referrals must be at least 1");
        }
        if (clients < 1) {
            throw new IllegalArgumentException("--clients must be at least 1");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (xmlPercent < 0 || xmlPercent > 100) {
            throw new IllegalArgumentException("--xml-percent must be between 0 and 100");
        }
        if (relayTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--relay-timeout must be at least 1");
        }
        if (quietWaitSeconds < 0) {
            throw new IllegalArgumentException("--quiet-wait must not be negative");
        }
    }

    static IngestionOptions parse(String... args) {
        int referrals = DEFAULT_REFERRALS;
        int clients = DEFAULT_CLIENTS;
        int warmup = DEFAULT_WARMUP;
        int xmlPercent = 0;
        OptionalLong seed = OptionalLong.empty();
        Path out = Path.of("target");
        int relayTimeout = 120;
        int quietWait = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--referrals" -> referrals = integer(option, value);
                case "--clients" -> clients = integer(option, value);
                case "--warmup" -> warmup = integer(option, value);
                case "--xml-percent" -> xmlPercent = integer(option, value);
                case "--seed" -> seed = OptionalLong.of(number(option, value));
                case "--out" -> out = Path.of(value);
                case "--relay-timeout" -> relayTimeout = integer(option, value);
                case "--quiet-wait" -> quietWait = integer(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new IngestionOptions(referrals, clients, warmup, xmlPercent, seed, out, relayTimeout, quietWait);
    }

    long seedOrRandom() {
        return seed.orElseGet(() -> new SecureRandom().nextLong());
    }

    /**
     * Whether the i-th document (warm-up and measured counted together) goes as XML: spread evenly, so
     * that every stretch of the run has the same share.
     */
    boolean asXml(long i) {
        return (i + 1) * xmlPercent / 100 > i * xmlPercent / 100;
    }

    private static int integer(String option, String value) {
        long n = number(option, value);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(option + " is out of range: " + value);
        }
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }
}
