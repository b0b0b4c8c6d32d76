package nl.consilium.benchmarks.ingestion;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import nl.consilium.benchmarks.ingestion.LoadPhase.Delivery;
import nl.consilium.gateway.generator.GeneratedReferral;
import nl.consilium.gateway.generator.ReferralGenerator;
import nl.consilium.local.demo.KeycloakTokens;
import org.HdrHistogram.Histogram;

/**
 * Ingestion throughput of referral-gateway: generated ZorgDomein appointment-request documents
 * ({@link ReferralGenerator}) POSTed to {@code /fhir/Bundle} of a running stack with a Keycloak token of
 * the ZorgDomein simulator client, from several concurrent clients; first a warm-up that is not
 * measured, then the measured phase. Afterwards it checks that nothing was lost: every answer 201 with
 * its own {@code Location}, exactly that many new rows in the gateway's {@code referral} table, and
 * (once the outbox relay caught up) one ReferralReceived per referral on {@code consilium.referral}.
 * Prints a Markdown report and writes it to {@code <out>/ingestion-<timestamp>.md}.
 *
 * <p>Exit code 0 when the run passed its checks, 1 when not (the report says why), 2 for bad arguments
 * or a missing environment. Does not start or stop anything: tests/benchmarks/run-ingestion does.
 */
public final class IngestionBenchmark {

    private static final PrintStream OUT = System.out;
    private static final String LOCATION_PREFIX = "/api/referrals/";
    /** Components whose CPU time is reported: pid file name (deploy/local) and label. */
    private static final Map<String, String> COMPONENTS = componentLabels();

    private IngestionBenchmark() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            OUT.print(IngestionOptions.USAGE);
            return;
        }
        IngestionOptions options;
        Environment env;
        try {
            options = IngestionOptions.parse(args);
            env = Environment.read();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(IngestionOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            IngestionReport report = run(options, env);
            OUT.println();
            OUT.println(report.toMarkdown());
            Files.createDirectories(options.outputDir());
            Path file = options.outputDir().resolve(report.fileName());
            Files.writeString(file, report.toMarkdown());
            OUT.println("report written to " + file.toAbsolutePath());
            System.exit(report.passed() ? 0 : 1);
        } catch (AbortedRun e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            // class and message of our own code's failures (JDBC, Kafka, HTTP): no patient data in them
            System.err.println("error: the benchmark failed: " + e);
            System.exit(1);
        }
    }

    /** The stack to run against, from the variables {@code deploy/local/consilium env} prints. */
    record Environment(URI gateway, URI keycloak, String realm, String jdbcBase, String kafka, Path data) {

        static Environment read() {
            return new Environment(URI.create(required("CONSILIUM_GATEWAY_URL")),
                    URI.create(required("CONSILIUM_KEYCLOAK_URL")),
                    System.getenv().getOrDefault("CONSILIUM_KEYCLOAK_REALM", KeycloakTokens.DEFAULT_REALM),
                    required("CONSILIUM_PG_JDBC_URL"), required("CONSILIUM_KAFKA_BOOTSTRAP_SERVERS"),
                    Path.of(required("CONSILIUM_DATA")));
        }

        private static String required(String name) {
            String value = System.getenv(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is not set (eval \"$(deploy/local/consilium env)\" "
                        + "with the stack's settings, or use tests/benchmarks/run-ingestion)");
            }
            return value;
        }
    }

    /** The run cannot go on (warm-up failed, no token): no report. */
    static final class AbortedRun extends Exception {
        AbortedRun(String message) {
            super(message);
        }
    }

    static IngestionReport run(IngestionOptions options, Environment env) throws Exception {
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        long seed = options.seedOrRandom();
        List<String> problems = new ArrayList<>();

        OUT.printf("==> generating %,d + %,d referral documents (ReferralGenerator seed %d)%n", options.warmup(),
                options.referrals(), seed);
        long t0 = System.nanoTime();
        List<Delivery> all = generate(options, seed);
        OUT.printf("    done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<Delivery> warmup = all.subList(0, options.warmup());
        List<Delivery> measured = all.subList(options.warmup(), all.size());

        KeycloakTokens tokens = new KeycloakTokens(env.keycloak(), env.realm());
        OUT.println("==> token for the ZorgDomein simulator (client credentials, " + KeycloakTokens.SIMULATOR_CLIENT_ID
                + ") from " + tokens.tokenEndpoint());
        try {
            tokens.simulatorToken();
        } catch (RuntimeException e) {
            throw new AbortedRun("no token from Keycloak: " + e.getMessage());
        }
        LoadPhase load = new LoadPhase(env.gateway(), tokens::simulatorToken, options.clients(), OUT);
        GatewayDatabase db = new GatewayDatabase(env.jdbcBase(),
                System.getenv().getOrDefault("CONSILIUM_PG_SERVICE_PASSWORD", GatewayDatabase.DATABASE));
        Duration relayTimeout = Duration.ofSeconds(options.relayTimeoutSeconds());

        if (!warmup.isEmpty()) {
            OUT.printf("==> warm-up: %,d referrals from %d clients (not measured)%n", warmup.size(), options.clients());
            LoadPhase.Result result = load.run("warm-up", warmup);
            if (result.count(201) != warmup.size()) {
                throw new AbortedRun("warm-up: not every document was accepted: " + result.statusCounts()
                        + " (see the gateway's log in " + env.data().resolve("logs") + ")");
            }
            OUT.printf("    %,d × 201 in %.1f s (%.0f/s)%n", warmup.size(), result.seconds(), result.throughput());
            if (!db.awaitOutboxDrained(relayTimeout)) {
                throw new AbortedRun("warm-up: the outbox relay did not publish everything within " + relayTimeout);
            }
        }

        ProcStats proc = new ProcStats();
        Map<String, Long> processes = stackProcesses(env.data());
        if (options.quietWaitSeconds() > 0) {
            awaitQuietMachine(proc, processes, Duration.ofSeconds(options.quietWaitSeconds()));
        }
        long referralsBefore = db.referrals();
        long documentsBefore = db.documents();
        Map<Long, Double> cpuBefore = proc.cpuSecondsOfTrees(List.copyOf(processes.values()));
        double ownCpuBefore = proc.ownCpuSeconds();
        double machineBefore = proc.machineBusySeconds();
        double[] gcBefore = gcPauses(env.gateway());

        OUT.printf("==> measured: %,d referrals from %d clients%n", measured.size(), options.clients());
        LoadPhase.Result result = load.run("measured", measured);
        Map<Long, Double> cpuAfter = proc.cpuSecondsOfTrees(List.copyOf(processes.values()));
        double ownCpuAfter = proc.ownCpuSeconds();
        double machineAfter = proc.machineBusySeconds();
        OUT.printf("    answered in %.2f s: %s%n", result.seconds(), result.statusCounts());

        // every answer a 201 with its own referral id
        if (result.count(201) != measured.size()) {
            problems.add(String.format(Locale.ROOT, "%,d of %,d answers were not 201: %s",
                    measured.size() - result.count(201), measured.size(), result.statusCounts()));
        }
        Map<String, Integer> indexOfReferral = new HashMap<>();
        int badLocations = 0;
        for (int i = 0; i < measured.size(); i++) {
            String id = referralId(result.locations()[i]);
            if (result.statuses()[i] == 201 && (id == null || indexOfReferral.putIfAbsent(id, i) != null)) {
                badLocations++;
            }
        }
        if (badLocations > 0) {
            problems.add(badLocations + " answers 201 had no Location /api/referrals/{id} of their own");
        }

        OUT.println("==> waiting for the outbox relay to publish everything");
        boolean drained = db.awaitOutboxDrained(relayTimeout);
        Duration drainedAfter = drained ? Duration.ofNanos(System.nanoTime() - result.endedNanos()) : null;
        if (!drained) {
            problems.add("the outbox relay did not publish everything within " + relayTimeout);
        }

        OUT.println("==> checking the gateway's database and consilium.referral");
        long newReferrals = db.referrals() - referralsBefore;
        long newDocuments = db.documents() - documentsBefore;
        Set<UUID> ids = new HashSet<>();
        indexOfReferral.keySet().forEach(id -> ids.add(UUID.fromString(id)));
        long known = ids.isEmpty() ? 0 : db.existing(ids);
        if (newReferrals != measured.size()) {
            problems.add(String.format(Locale.ROOT, "%,d new referrals stored, expected %,d", newReferrals,
                    measured.size()));
        }
        if (newDocuments != measured.size()) {
            problems.add(String.format(Locale.ROOT, "%,d new documents stored, expected %,d", newDocuments,
                    measured.size()));
        }
        if (known != measured.size()) {
            problems.add(String.format(Locale.ROOT, "%,d of the %,d Location ids are rows of referral", known,
                    measured.size()));
        }

        Map<String, ReferralTopic.Received> events = new ReferralTopic(env.kafka())
                .referralReceivedByKey(indexOfReferral.keySet());
        long records = events.values().stream().mapToLong(ReferralTopic.Received::records).sum();
        long several = events.values().stream().filter(r -> r.eventIds().size() > 1).count();
        if (events.size() != measured.size()) {
            problems.add(String.format(Locale.ROOT, "%,d of %,d referrals have a ReferralReceived on the topic",
                    events.size(), measured.size()));
        }
        if (several > 0) {
            problems.add(several + " referrals have ReferralReceived records with different event ids");
        }
        if (records != events.size()) {
            // at-least-once allows a resend of the same event id; without a crash there should be none
            OUT.printf("    note: %,d ReferralReceived records for %,d referrals (resends of the same event id)%n",
                    records, events.size());
        }
        double[] publication = publicationDelays(events, indexOfReferral, result.answeredAtMillis());

        Histogram h = result.latencyMicros();
        double[] latency = {h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, h.getMean() / 1e3};
        if (h.getTotalCount() == 0) {
            Arrays.fill(latency, Double.NaN);
        }

        Double rss = null;
        Double peak = null;
        OptionalLong gatewayPid = ProcStats.pidOf(env.data(), "referral-gateway");
        if (gatewayPid.isPresent()) {
            var memory = ProcStats.memoryMb(gatewayPid.getAsLong());
            if (memory.isPresent()) {
                rss = memory.get()[0];
                peak = memory.get()[1];
            }
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            Double before = cpuBefore.get(pid);
            Double after = cpuAfter.get(pid);
            if (before != null && after != null) {
                cpu.put(COMPONENTS.get(name), after - before);
            }
        });
        cpu.put("load generator (this JVM)", ownCpuAfter - ownCpuBefore);
        double ours = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        Double others = Double.isNaN(machineBefore) || Double.isNaN(machineAfter) ? null
                : Math.max(0, machineAfter - machineBefore - ours);
        double[] gcAfter = gcPauses(env.gateway());
        if (gcBefore != null && gcAfter != null) {
            OUT.printf("    gateway GC during the measured phase: %.0f pauses, %.2f s in total%n",
                    gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        }

        return new IngestionReport(startedAt, problems, measured.size(), warmup.size(), options.clients(),
                options.xmlPercent(), seed, measured.stream().mapToInt(d -> d.body().length).average().orElse(0) / 1024,
                result.statusCounts(), result.seconds(), result.throughput(), latency,
                result.perSecond(), newReferrals, newDocuments, known, (long) events.size(), records, several,
                drainedAfter, publication, rss, peak, heapUsedMb(env.gateway()), cpu, others, machine(), context());
    }

    private static List<Delivery> generate(IngestionOptions options, long seed) {
        ReferralGenerator generator = new ReferralGenerator(seed);
        int total = options.warmup() + options.referrals();
        List<Delivery> deliveries = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            GeneratedReferral referral = generator.next();
            deliveries.add(options.asXml(i)
                    ? new Delivery(referral.bundleId(), referral.xmlBytes(), LoadPhase.FHIR_XML)
                    : new Delivery(referral.bundleId(), referral.jsonBytes(), LoadPhase.FHIR_JSON));
        }
        return deliveries;
    }

    static String referralId(String location) {
        if (location == null) {
            return null;
        }
        int at = location.indexOf(LOCATION_PREFIX);
        if (at < 0) {
            return null;
        }
        String id = location.substring(at + LOCATION_PREFIX.length());
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** p50, p99, max of (record timestamp − answer read) in ms; negative values (clock granularity) as 0. */
    private static double[] publicationDelays(Map<String, ReferralTopic.Received> events,
            Map<String, Integer> indexOfReferral, long[] answeredAtMillis) {
        long[] delays = events.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue().firstTimestampMillis()
                        - answeredAtMillis[indexOfReferral.get(e.getKey())]))
                .sorted().toArray();
        if (delays.length == 0) {
            return null;
        }
        return new double[] {percentile(delays, 50), percentile(delays, 99), delays[delays.length - 1]};
    }

    /** Nearest-rank percentile of a sorted array. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Waits until processes other than the stack and this JVM use less than 10 % of the machine's CPU
     * (over 3-second windows), at most {@code timeout}; on a shared machine somebody's build would
     * otherwise take its share of the cores during the measurement.
     */
    private static void awaitQuietMachine(ProcStats proc, Map<String, Long> processes, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextMessage = 0;
        int cores = Runtime.getRuntime().availableProcessors();
        while (true) {
            double machine0 = proc.machineBusySeconds();
            double ours0 = sum(proc.cpuSecondsOfTrees(List.copyOf(processes.values()))) + proc.ownCpuSeconds();
            Thread.sleep(3_000);
            double machine1 = proc.machineBusySeconds();
            double ours1 = sum(proc.cpuSecondsOfTrees(List.copyOf(processes.values()))) + proc.ownCpuSeconds();
            double share = Math.max(0, (machine1 - machine0) - (ours1 - ours0)) / (cores * 3.0);
            if (Double.isNaN(share) || share < 0.10) {
                OUT.printf("    the machine is quiet (other processes use %.0f %% of the CPU)%n", 100 * share);
                return;
            }
            if (System.nanoTime() > deadline) {
                OUT.printf("    the machine is still busy (other processes use %.0f %% of the CPU); measuring "
                        + "anyway after %s%n", 100 * share, timeout);
                return;
            }
            if (System.nanoTime() > nextMessage) {
                OUT.printf("    other processes use %.0f %% of the CPU; waiting for a quiet moment (at most %s)%n",
                        100 * share, timeout);
                nextMessage = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
        }
    }

    private static double sum(Map<?, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The live processes deploy/local started (pid file name → pid). */
    private static Map<String, Long> stackProcesses(Path data) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String name : COMPONENTS.keySet()) {
            ProcStats.pidOf(data, name).ifPresent(pid -> groups.put(name, pid));
        }
        return groups;
    }

    private static Map<String, String> componentLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("referral-gateway", "gateway");
        labels.put("postgres", "PostgreSQL");
        labels.put("kafka", "Kafka");
        labels.put("keycloak", "Keycloak");
        for (String service : List.of("intake", "scheduling", "consult", "reporting")) {
            labels.put(service, service);
        }
        return labels;
    }

    // --- the gateway's own metrics (Prometheus text on /q/metrics) -----------------------------------

    private static Double heapUsedMb(URI gateway) {
        Map<String, Double> metrics = metrics(gateway);
        if (metrics == null) {
            return null;
        }
        return metrics.entrySet().stream().filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{")
                && e.getKey().contains("area=\"heap\"")).mapToDouble(Map.Entry::getValue).sum() / 1024 / 1024;
    }

    /** Count and total seconds of GC pauses so far, or null. */
    private static double[] gcPauses(URI gateway) {
        Map<String, Double> metrics = metrics(gateway);
        if (metrics == null) {
            return null;
        }
        double count = 0;
        double sum = 0;
        for (var e : metrics.entrySet()) {
            if (e.getKey().startsWith("jvm_gc_pause_seconds_count{")) {
                count += e.getValue();
            } else if (e.getKey().startsWith("jvm_gc_pause_seconds_sum{")) {
                sum += e.getValue();
            }
        }
        return new double[] {count, sum};
    }

    private static Map<String, Double> metrics(URI gateway) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(gateway.toString().replaceAll("/+$", "") + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            Map<String, Double> values = new HashMap<>();
            for (String line : response.body().split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                try {
                    values.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
                } catch (RuntimeException e) {
                    // not a sample line
                }
            }
            return values;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // --- context ----------------------------------------------------------------------------------

    private static IngestionReport.Machine machine() {
        return new IngestionReport.Machine(Runtime.getRuntime().availableProcessors(), ProcStats.cpuModel(),
                ProcStats.memoryGb(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    private static IngestionReport.Context context() {
        return new IngestionReport.Context(System.getProperty("benchmark.commit", "unknown"),
                System.getProperty("benchmark.stack", "deploy/local/consilium"),
                System.getProperty("benchmark.services", "referral-gateway"),
                System.getProperty("benchmark.gateway-jvm", "-Xmx256m"));
    }
}
