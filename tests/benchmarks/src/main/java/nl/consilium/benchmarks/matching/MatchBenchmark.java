package nl.consilium.benchmarks.matching;

import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.MatchResult;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Matcher#match} on the generated registry (default 40 specialties × 250 specialists,
 * 12 weeks, half the slots taken), in SampleTime mode: the distribution of single calls, so p50,
 * p99 and p99.9 per match. The requests (4,096, seeded) are generated in the setup and taken in turn;
 * each thread has its own cursor. Run with {@code tests/benchmarks/run-matching}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class MatchBenchmark {

    @Param("250")
    public int perSpecialty;

    @Param("0.5")
    public double takenFraction;

    RegistrySnapshot registry;
    SnapshotBookings bookings;
    MatchRequest[] requests;

    @Setup(Level.Trial)
    public void generate() {
        GeneratedRegistry generated = GeneratedRegistry.generate(20261123L, GeneratedRegistry.specialtyCount(), perSpecialty,
                takenFraction);
        registry = generated.snapshot;
        bookings = new SnapshotBookings(generated.taken);
        List<MatchRequest> list = generated.requests(5L, 4096);
        requests = list.toArray(MatchRequest[]::new);
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public MatchResult match(Cursor cursor) {
        MatchRequest request = requests[cursor.next++ & (requests.length - 1)];
        return GeneratedRegistry.MATCHER.match(request, registry, bookings);
    }
}
