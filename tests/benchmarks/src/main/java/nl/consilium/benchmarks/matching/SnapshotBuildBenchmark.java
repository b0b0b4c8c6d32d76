package nl.consilium.benchmarks.matching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.consilium.scheduling.domain.matching.Availability;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the {@link RegistrySnapshot} of the 10,000 generated specialists from their profiles and
 * availability: what the service pays each time the registry or availability changes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SnapshotBuildBenchmark {

    List<SpecialistProfile> specialists;
    Map<String, Availability> availability;

    @Setup(Level.Trial)
    public void generate() {
        GeneratedRegistry generated = GeneratedRegistry.generate(20261123L, GeneratedRegistry.specialtyCount(), 250, 0.5);
        specialists = generated.specialists;
        availability = generated.availability;
    }

    @Benchmark
    public RegistrySnapshot build() {
        return RegistrySnapshot.of(specialists, availability);
    }
}
