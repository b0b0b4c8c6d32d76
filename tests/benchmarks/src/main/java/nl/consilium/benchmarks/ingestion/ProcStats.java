package nl.consilium.benchmarks.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What Linux says about the stack's processes ({@code /proc}): CPU time of a process with its
 * descendants, of the whole machine, and a process's resident memory. Only for the
 * report; nothing here is asserted.
 */
final class ProcStats {

    private static final Path PROC = Path.of("/proc");

    private final long ticksPerSecond;

    ProcStats() {
        this.ticksPerSecond = clockTicks();
    }

    /** The pid in {@code <data>/pids/<name>.pid}, if the file is there and the process lives. */
    static OptionalLong pidOf(Path data, String name) {
        try {
            long pid = Long.parseLong(Files.readString(data.resolve("pids/" + name + ".pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * User + system CPU seconds used so far by each given process and all its live descendants (kc.sh
     * and its java; the postmaster and its backends, which PostgreSQL puts in process groups of their own).
     */
    Map<Long, Double> cpuSecondsOfTrees(List<Long> roots) {
        Map<Long, long[]> all = processes();
        Map<Long, Double> seconds = new HashMap<>();
        for (long root : roots) {
            long ticks = 0;
            for (var e : all.entrySet()) {
                if (descendsFrom(e.getKey(), root, all)) {
                    ticks += e.getValue()[1];
                }
            }
            seconds.put(root, ticks / (double) ticksPerSecond);
        }
        return seconds;
    }

    /**
     * CPU seconds the whole machine spent busy so far (all cores: user, nice, system, irq, softirq,
     * steal; not idle or iowait), from the first line of /proc/stat; NaN if unreadable.
     */
    double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / (double) ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static boolean descendsFrom(long pid, long root, Map<Long, long[]> all) {
        long current = pid;
        for (int depth = 0; depth < 64 && current > 1; depth++) {
            if (current == root) {
                return true;
            }
            long[] stat = all.get(current);
            if (stat == null) {
                return false;
            }
            current = stat[0];
        }
        return false;
    }

    /** pid → {ppid, utime + stime} of every live process. */
    private static Map<Long, long[]> processes() {
        Map<Long, long[]> all = new HashMap<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long[] stat = stat(p.resolve("stat"));
                if (stat != null) {
                    all.put(Long.parseLong(p.getFileName().toString()), stat);
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return all;
    }

    /** CPU seconds of this JVM (the load generator). */
    double ownCpuSeconds() {
        long[] stat = stat(PROC.resolve("self/stat"));
        return stat == null ? Double.NaN : stat[1] / (double) ticksPerSecond;
    }

    /** Resident set size now and its peak (VmRSS, VmHWM), in MB. */
    static Optional<double[]> memoryMb(long pid) {
        try {
            double rss = Double.NaN;
            double peak = Double.NaN;
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kbField(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kbField(line) / 1024.0;
                }
            }
            return Double.isNaN(rss) ? Optional.empty() : Optional.of(new double[] {rss, peak});
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parent pid and utime + stime (ticks) from a /proc/.../stat file; null if it vanished. */
    private static long[] stat(Path file) {
        try {
            String content = Files.readString(file);
            // the command name (field 2) is in parentheses and may contain anything: split after it
            String[] fields = content.substring(content.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kbField(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Machine facts for the report: CPU model, memory, kernel. */
    static String cpuModel() {
        try {
            return Files.readAllLines(PROC.resolve("cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static double memoryGb() {
        try {
            return Files.readAllLines(PROC.resolve("meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(ProcStats::kbField).findFirst().orElse(0) / 1024.0 / 1024.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
