package nl.consilium.benchmarks.ingestion;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * POSTs documents to {@code /fhir/Bundle} from a number of concurrent clients, each a thread with its own
 * {@link HttpClient} (so its own keep-alive connection), taking the next document from a shared counter
 * until all are sent. Every request's latency (send until the whole answer was read) goes into an
 * HdrHistogram; statuses and {@code Location}s are kept per document. Response bodies are not kept or
 * printed: an OperationOutcome may quote (fictitious) patient data.
 */
final class LoadPhase {

    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";
    /** Latencies are recorded in microseconds, up to ten minutes, three significant digits. */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** One document to deliver. */
    record Delivery(String bundleId, byte[] body, String contentType) {
    }

    /**
     * The outcome of a phase.
     *
     * @param statuses per document, in order; 0 when the request failed without an answer
     * @param locations per document, the {@code Location} header (null if none)
     * @param answeredAtMillis per document, wall-clock time the answer was read
     * @param finishedAtNanos per document, {@link System#nanoTime()} when the answer was read
     * @param failures what went wrong without an HTTP answer, by exception class, with counts
     */
    record Result(int[] statuses, String[] locations, long[] answeredAtMillis, long[] finishedAtNanos,
            Histogram latencyMicros, long startedNanos, long endedNanos, Map<String, Long> failures) {

        int count() {
            return statuses.length;
        }

        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }

        double throughput() {
            return count() / seconds();
        }

        /** HTTP status (or "no answer: <exception>") and how often. */
        Map<String, Long> statusCounts() {
            Map<String, Long> counts = new TreeMap<>();
            for (int status : statuses) {
                if (status != 0) {
                    counts.merge(String.valueOf(status), 1L, Long::sum);
                }
            }
            failures.forEach((what, n) -> counts.merge("no answer: " + what, n, Long::sum));
            return counts;
        }

        long count(int status) {
            return Arrays.stream(statuses).filter(s -> s == status).count();
        }

        /** Documents completed in each whole second of the phase (the last, partial second left out). */
        long[] perSecond() {
            int seconds = (int) ((endedNanos - startedNanos) / 1_000_000_000L);
            long[] buckets = new long[Math.max(seconds, 0)];
            for (long finished : finishedAtNanos) {
                int second = (int) ((finished - startedNanos) / 1_000_000_000L);
                if (second >= 0 && second < buckets.length) {
                    buckets[second]++;
                }
            }
            return buckets;
        }
    }

    private final URI bundleEndpoint;
    private final Supplier<String> token;
    private final int clients;
    private final PrintStream progress;

    LoadPhase(URI gatewayUrl, Supplier<String> token, int clients, PrintStream progress) {
        this.bundleEndpoint = URI.create(gatewayUrl.toString().replaceAll("/+$", "") + "/fhir/Bundle");
        this.token = token;
        this.clients = clients;
        this.progress = progress;
    }

    Result run(String name, List<Delivery> deliveries) throws InterruptedException {
        int n = deliveries.size();
        int[] statuses = new int[n];
        String[] locations = new String[n];
        long[] answeredAt = new long[n];
        long[] finishedAt = new long[n];
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        LongAdder done = new LongAdder();
        List<Histogram> histograms = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            workers.add(Thread.ofPlatform().name(name + "-client-" + c).start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build()) {
                    ready.countDown();
                    start.await();
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        deliver(http, deliveries.get(i), i, statuses, locations, answeredAt, finishedAt, histogram,
                                failures);
                        done.increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        ready.await();
        Thread ticker = Thread.ofPlatform().daemon().name(name + "-progress").start(() -> tick(name, n, done));
        long started = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long ended = System.nanoTime();
        ticker.interrupt();
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        return new Result(statuses, locations, answeredAt, finishedAt, all, started, ended, Map.copyOf(failures));
    }

    private void deliver(HttpClient http, Delivery delivery, int i, int[] statuses, String[] locations,
            long[] answeredAt, long[] finishedAt, Histogram histogram, Map<String, Long> failures)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(bundleEndpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", delivery.contentType())
                .header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        long begin = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long end = System.nanoTime();
            statuses[i] = response.statusCode();
            locations[i] = response.headers().firstValue("Location").orElse(null);
            finishedAt[i] = end;
            answeredAt[i] = System.currentTimeMillis();
            histogram.recordValue(Math.min((end - begin) / 1_000, HIGHEST_MICROS));
        } catch (IOException e) {
            finishedAt[i] = System.nanoTime();
            answeredAt[i] = System.currentTimeMillis();
            failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
        }
    }

    private void tick(String name, int total, LongAdder done) {
        long last = 0;
        long lastAt = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(5_000);
                long now = System.nanoTime();
                long count = done.sum();
                progress.printf("    %s: %d/%d answered (%.0f/s over the last %.0f s)%n", name, count, total,
                        (count - last) / ((now - lastAt) / 1e9), (now - lastAt) / 1e9);
                last = count;
                lastAt = now;
            }
        } catch (InterruptedException e) {
            // the phase is over
        }
    }
}
