package nl.consilium.benchmarks.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.domain.matching.Bookings;
import nl.consilium.scheduling.domain.matching.CheckResult;
import nl.consilium.scheduling.domain.matching.Choice;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.MatchResult;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;
import nl.consilium.scheduling.domain.matching.Slot;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;
import org.HdrHistogram.Histogram;

/**
 * The burst: {@code --matches} (1,000) referrals matched and booked by {@code --threads} (8)
 * concurrent "service instances" against one shared {@link RegistrySnapshot}, booking into an
 * in-memory store that refuses a second booking of the same (specialist, slot start) exactly as the
 * database's partial unique index does ({@code putIfAbsent}), and a booking beyond the weekly maximum
 * (a per-week counter raised by compare-and-set). On a refusal the instance marks the slot (or the
 * week) taken in its own view and matches again, at most {@code --max-retries} times.
 *
 * <p>Views ({@code --view}): {@code stale} (default) gives each instance a view of the bookings as
 * they were when the burst began plus what it booked or was refused itself, like several service
 * instances whose snapshots lag behind each other; {@code live} lets every instance read the store.
 *
 * <p>Afterwards it checks, from an append-only log of every booking made: no (specialist, slot) is
 * booked twice (also not on top of the initial bookings), no referral is booked twice, no specialist
 * exceeds his weekly maximum in any week, and every booking passes {@link Matcher#check} for its
 * request. {@code --unsafe} replaces {@code putIfAbsent} and the week counter by blind writes, to show
 * that these checks find double bookings. Exit 0 only when every check passed.
 *
 * <p>This measures the engine plus the retry loop under contention, not PostgreSQL: see
 * docs/performance.md.
 */
public final class BurstRun {

    enum Outcome { BOOKED, SLOT_TAKEN, WEEK_FULL }

    record SlotKey(String agb, long start) {
    }

    record WeekKey(String agb, int week) {
    }

    record Booking(UUID referral, String agb, Slot slot, MatchRequest request) {
    }

    /** The "database": one active booking per (specialist, slot start), and the consults per (specialist, week). */
    static final class Store {
        final ConcurrentHashMap<SlotKey, UUID> slots = new ConcurrentHashMap<>();
        final ConcurrentHashMap<WeekKey, AtomicInteger> weeks = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Booking> log = new ConcurrentLinkedQueue<>();
        final boolean unsafe;

        Store(Map<String, List<Instant>> initial, boolean unsafe) {
            this.unsafe = unsafe;
            initial.forEach((agb, starts) -> starts.forEach(start -> {
                slots.put(new SlotKey(agb, start.getEpochSecond()), new UUID(0, 0));
                week(agb, start).incrementAndGet();
            }));
        }

        AtomicInteger week(String agb, Instant start) {
            return weeks.computeIfAbsent(new WeekKey(agb, SnapshotBookings.week(GeneratedRegistry.CALENDAR.dateOf(start))),
                    k -> new AtomicInteger());
        }

        Outcome book(MatchRequest request, String agb, Slot slot, int maximum) {
            AtomicInteger week = week(agb, slot.start());
            if (unsafe) {
                week.incrementAndGet();
                slots.put(new SlotKey(agb, slot.start().getEpochSecond()), request.referralId());
            } else {
                while (true) {
                    int consults = week.get();
                    if (consults >= maximum) {
                        return Outcome.WEEK_FULL;
                    }
                    if (week.compareAndSet(consults, consults + 1)) {
                        break;
                    }
                }
                if (slots.putIfAbsent(new SlotKey(agb, slot.start().getEpochSecond()), request.referralId()) != null) {
                    week.decrementAndGet();
                    return Outcome.SLOT_TAKEN;
                }
            }
            log.add(new Booking(request.referralId(), agb, slot, request));
            return Outcome.BOOKED;
        }

        Bookings liveView() {
            return new Bookings() {
                @Override
                public boolean isTaken(String specialistAgb, Instant slotStart) {
                    return slots.containsKey(new SlotKey(specialistAgb, slotStart.getEpochSecond()));
                }

                @Override
                public int consultsInWeek(String specialistAgb, java.time.LocalDate anyDayOfIsoWeek) {
                    AtomicInteger count = weeks.get(new WeekKey(specialistAgb, SnapshotBookings.week(anyDayOfIsoWeek)));
                    return count == null ? 0 : count.get();
                }
            };
        }
    }

    /** One instance's view: the bookings at the start of the burst, plus what it booked or was refused itself. */
    static final class StaleView implements Bookings {
        final SnapshotBookings initial;
        final Set<SlotKey> learned = new HashSet<>();
        final Map<WeekKey, Integer> extra = new HashMap<>();
        final Map<WeekKey, Integer> full = new HashMap<>();

        StaleView(SnapshotBookings initial) {
            this.initial = initial;
        }

        void booked(String agb, Slot slot) {
            learned.add(new SlotKey(agb, slot.start().getEpochSecond()));
            extra.merge(weekKey(agb, slot.start()), 1, Integer::sum);
        }

        void refused(Outcome outcome, String agb, Slot slot, int maximum) {
            if (outcome == Outcome.SLOT_TAKEN) {
                learned.add(new SlotKey(agb, slot.start().getEpochSecond()));
            } else {
                full.put(weekKey(agb, slot.start()), maximum);
            }
        }

        private static WeekKey weekKey(String agb, Instant start) {
            return new WeekKey(agb, SnapshotBookings.week(GeneratedRegistry.CALENDAR.dateOf(start)));
        }

        @Override
        public boolean isTaken(String specialistAgb, Instant slotStart) {
            return initial.isTaken(specialistAgb, slotStart)
                    || !learned.isEmpty() && learned.contains(new SlotKey(specialistAgb, slotStart.getEpochSecond()));
        }

        @Override
        public int consultsInWeek(String specialistAgb, java.time.LocalDate anyDayOfIsoWeek) {
            int count = initial.consultsInWeek(specialistAgb, anyDayOfIsoWeek);
            if (extra.isEmpty() && full.isEmpty()) {
                return count;
            }
            WeekKey key = new WeekKey(specialistAgb, SnapshotBookings.week(anyDayOfIsoWeek));
            return Math.max(count + extra.getOrDefault(key, 0), full.getOrDefault(key, 0));
        }
    }

    record Options(int matches, int threads, long seed, boolean stale, boolean unsafe, int maxRetries, int warmup, Path reportDir) {

        static Options parse(String[] args) {
            int matches = 1000;
            int threads = 8;
            long seed = 2026L;
            boolean stale = true;
            boolean unsafe = false;
            int maxRetries = 50;
            int warmup = 3000;
            Path reportDir = Path.of("tests/benchmarks/target");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--matches" -> matches = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--view" -> stale = switch (args[++i]) {
                        case "stale" -> true;
                        case "live" -> false;
                        default -> throw new IllegalArgumentException("--view stale|live");
                    };
                    case "--unsafe" -> unsafe = true;
                    case "--max-retries" -> maxRetries = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--report-dir" -> reportDir = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--matches N --threads N --seed N --view stale|live --unsafe --max-retries N --warmup N --report-dir DIR)");
                }
            }
            return new Options(matches, threads, seed, stale, unsafe, maxRetries, warmup, reportDir);
        }
    }

    /** What one burst did. */
    static final class Tally {
        final AtomicLong matchCalls = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicInteger maxRetries = new AtomicInteger();
        final AtomicLong refusedSlot = new AtomicLong();
        final AtomicLong refusedWeek = new AtomicLong();
        final AtomicLong gaveUp = new AtomicLong();
        final Map<MatchingFailureReason, AtomicLong> failures = new EnumMap<>(MatchingFailureReason.class);
        final Histogram perBooking = new Histogram(60_000_000L, 3); // µs
        final Histogram perMatch = new Histogram(60_000_000L, 3);   // µs, every match call
        long wallNanos;

        Tally() {
            for (MatchingFailureReason reason : MatchingFailureReason.values()) {
                failures.put(reason, new AtomicLong());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long generateStart = System.nanoTime();
        GeneratedRegistry generated = GeneratedRegistry.generate(20261123L, GeneratedRegistry.specialtyCount(), 250, 0.5);
        SnapshotBookings initial = new SnapshotBookings(generated.taken);
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

        // Warm-up on a throwaway store (other requests), so that the burst runs on compiled code.
        if (options.warmup > 0) {
            burst(generated, initial, requests(generated, options.seed + 1, options.warmup), options, new Store(generated.taken, false));
        }
        List<MatchRequest> requests = requests(generated, options.seed, options.matches);
        Store store = new Store(generated.taken, options.unsafe);
        Tally tally = burst(generated, initial, requests, options, store);
        Verification verification = verify(generated, store, requests);

        String report = report(options, generated, generateSeconds, tally, verification);
        System.out.println(report);
        Files.createDirectories(options.reportDir);
        Path file = options.reportDir.resolve("matching-burst-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(LocalDateTime.now(ZoneOffset.UTC)) + ".md");
        Files.writeString(file, report);
        System.out.println("Report: " + file);
        System.exit(verification.passed() ? 0 : 1);
    }

    /**
     * The burst's referrals: all arrive at the same moment (Tuesday 24 November 2026, 09:00), spread
     * over the 40 specialties (about 25 each), so that the instances compete for the same best slots.
     */
    static List<MatchRequest> requests(GeneratedRegistry generated, long seed, int count) {
        Random random = new Random(seed);
        List<String> specialties = new ArrayList<>(generated.agbsBySpecialty.keySet());
        specialties.sort(null);
        Instant now = GeneratedRegistry.FIRST_DAY.plusDays(1).atTime(9, 0).atZone(Matcher.ZONE).toInstant();
        List<MatchRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generated.request(random, specialties.get(random.nextInt(specialties.size())), now));
        }
        return requests;
    }

    static Tally burst(GeneratedRegistry generated, SnapshotBookings initial, List<MatchRequest> requests, Options options, Store store)
            throws InterruptedException {
        RegistrySnapshot registry = generated.snapshot;
        Matcher matcher = GeneratedRegistry.MATCHER;
        Tally tally = new Tally();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Histogram> perBooking = new ArrayList<>();
        List<Histogram> perMatch = new ArrayList<>();
        for (int t = 0; t < options.threads; t++) {
            Histogram bookingTimes = new Histogram(60_000_000L, 3);
            Histogram matchTimes = new Histogram(60_000_000L, 3);
            perBooking.add(bookingTimes);
            perMatch.add(matchTimes);
            StaleView stale = new StaleView(initial);
            Bookings view = options.stale ? stale : store.liveView();
            threads.add(Thread.ofPlatform().name("instance-" + t).unstarted(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int i;
                while ((i = next.getAndIncrement()) < requests.size()) {
                    MatchRequest request = requests.get(i);
                    long began = System.nanoTime();
                    int attempt = 0;
                    while (true) {
                        long matchBegan = System.nanoTime();
                        MatchResult result = matcher.match(request, registry, view);
                        matchTimes.recordValue(Math.max(1, (System.nanoTime() - matchBegan) / 1000));
                        tally.matchCalls.incrementAndGet();
                        if (result.choice().isEmpty()) {
                            tally.failures.get(result.failure().orElseThrow()).incrementAndGet();
                            break;
                        }
                        Choice choice = result.choice().get();
                        int maximum = registry.specialist(choice.specialistAgb()).map(SpecialistProfile::maxConsultsPerWeek).orElseThrow();
                        Outcome outcome = store.book(request, choice.specialistAgb(), choice.slot(), maximum);
                        if (outcome == Outcome.BOOKED) {
                            stale.booked(choice.specialistAgb(), choice.slot());
                            break;
                        }
                        (outcome == Outcome.SLOT_TAKEN ? tally.refusedSlot : tally.refusedWeek).incrementAndGet();
                        stale.refused(outcome, choice.specialistAgb(), choice.slot(), maximum);
                        if (++attempt > options.maxRetries) {
                            tally.gaveUp.incrementAndGet();
                            break;
                        }
                        tally.retries.incrementAndGet();
                    }
                    tally.maxRetries.accumulateAndGet(attempt, Math::max);
                    bookingTimes.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                }
            }));
        }
        threads.forEach(Thread::start);
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        tally.wallNanos = System.nanoTime() - began;
        perBooking.forEach(tally.perBooking::add);
        perMatch.forEach(tally.perMatch::add);
        return tally;
    }

    record Verification(int bookings, int doubleBookings, int onInitialBookings, int referralsBookedTwice, int weeksOverMaximum,
            int ruleViolations, List<String> examples) {
        boolean passed() {
            return doubleBookings == 0 && onInitialBookings == 0 && referralsBookedTwice == 0 && weeksOverMaximum == 0
                    && ruleViolations == 0;
        }
    }

    /** Checks from the log of bookings made (not from the store's map, which cannot hold a key twice). */
    static Verification verify(GeneratedRegistry generated, Store store, List<MatchRequest> requests) {
        List<Booking> log = new ArrayList<>(store.log);
        List<String> examples = new ArrayList<>();
        Map<SlotKey, Integer> perSlot = new HashMap<>();
        Set<UUID> referrals = new HashSet<>();
        int referralsTwice = 0;
        for (Booking booking : log) {
            perSlot.merge(new SlotKey(booking.agb(), booking.slot().start().getEpochSecond()), 1, Integer::sum);
            if (!referrals.add(booking.referral())) {
                referralsTwice++;
            }
        }
        int doubles = 0;
        for (Map.Entry<SlotKey, Integer> e : perSlot.entrySet()) {
            if (e.getValue() > 1) {
                doubles += e.getValue() - 1;
                if (examples.size() < 5) {
                    examples.add("double booking: " + e.getKey().agb() + " at " + Instant.ofEpochSecond(e.getKey().start()) + " ×" + e.getValue());
                }
            }
        }
        int onInitial = 0;
        Map<WeekKey, Integer> perWeek = new HashMap<>();
        generated.taken.forEach((agb, starts) -> starts.forEach(start -> perWeek.merge(StaleView.weekKey(agb, start), 1, Integer::sum)));
        for (Booking booking : log) {
            if (generated.taken.getOrDefault(booking.agb(), List.of()).contains(booking.slot().start())) {
                onInitial++;
                if (examples.size() < 10) {
                    examples.add("booked on top of an existing booking: " + booking.agb() + " at " + booking.slot().start());
                }
            }
            perWeek.merge(StaleView.weekKey(booking.agb(), booking.slot().start()), 1, Integer::sum);
        }
        int overMaximum = 0;
        for (Map.Entry<WeekKey, Integer> e : perWeek.entrySet()) {
            int maximum = generated.snapshot.specialist(e.getKey().agb()).orElseThrow().maxConsultsPerWeek();
            if (e.getValue() > maximum) {
                overMaximum++;
                if (examples.size() < 15) {
                    examples.add("weekly maximum exceeded: " + e.getKey() + " " + e.getValue() + " > " + maximum);
                }
            }
        }
        int violations = 0;
        for (Booking booking : log) {
            CheckResult check = GeneratedRegistry.MATCHER.check(booking.request(), booking.agb(), booking.slot(), false,
                    generated.snapshot, Bookings.none());
            if (!check.allowed()) {
                violations++;
                if (examples.size() < 20) {
                    examples.add("rule violated: " + booking.agb() + " " + check.violations());
                }
            }
        }
        return new Verification(log.size(), doubles, onInitial, referralsTwice, overMaximum, violations, examples);
    }

    static String report(Options options, GeneratedRegistry generated, double generateSeconds, Tally tally, Verification v) {
        StringBuilder out = new StringBuilder();
        double wallMs = tally.wallNanos / 1e6;
        out.append("# Matching burst ").append(v.passed() ? "PASS" : "FAIL").append('\n').append('\n');
        out.append(String.format(Locale.ROOT, "- when: %s UTC; JDK %s (%s); %d CPUs%n",
                LocalDateTime.now(ZoneOffset.UTC).withNano(0), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "- registry: %,d specialists, %d specialties, %,d slots in %d weeks, %,d (%.1f%%) booked at the start; generated in %.1f s%n",
                generated.specialists.size(), generated.agbsBySpecialty.size(), generated.totalSlots, GeneratedRegistry.WEEKS,
                generated.takenSlots, 100.0 * generated.takenSlots / generated.totalSlots, generateSeconds));
        out.append(String.format(Locale.ROOT, "- burst: %,d referrals arriving at once, %d instances (threads), view %s%s, at most %d retries, warm-up %,d matches on a throwaway store%n",
                options.matches, options.threads, options.stale ? "stale (own snapshot + own bookings/refusals)" : "live (reads the store)",
                options.unsafe ? ", **UNSAFE store (blind writes)**" : "", options.maxRetries, options.warmup));
        out.append('\n').append("| | |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| wall time | %.1f ms |%n", wallMs));
        out.append(String.format(Locale.ROOT, "| booked | %,d (%,.0f bookings/s) |%n", v.bookings(), v.bookings() / (wallMs / 1000)));
        out.append(String.format(Locale.ROOT, "| no slot (failure reason) | %s |%n", tally.failures));
        out.append(String.format(Locale.ROOT, "| gave up after the retries | %,d |%n", tally.gaveUp.get()));
        out.append(String.format(Locale.ROOT, "| match calls | %,d |%n", tally.matchCalls.get()));
        out.append(String.format(Locale.ROOT, "| retries | %,d (refused: slot taken %,d, week full %,d); most for one referral: %d |%n",
                tally.retries.get(), tally.refusedSlot.get(), tally.refusedWeek.get(), tally.maxRetries.get()));
        out.append(String.format(Locale.ROOT, "| time per referral (match + retries + booking), under contention | mean %.0f µs, p50 %d µs, p99 %d µs, max %d µs |%n",
                tally.perBooking.getMean(), tally.perBooking.getValueAtPercentile(50), tally.perBooking.getValueAtPercentile(99),
                tally.perBooking.getMaxValue()));
        out.append(String.format(Locale.ROOT, "| one match call, under contention (%d threads on %d CPUs) | p50 %d µs, p99 %d µs, p99.9 %d µs, max %d µs |%n",
                options.threads, Runtime.getRuntime().availableProcessors(), tally.perMatch.getValueAtPercentile(50),
                tally.perMatch.getValueAtPercentile(99), tally.perMatch.getValueAtPercentile(99.9), tally.perMatch.getMaxValue()));
        out.append(String.format(Locale.ROOT, "| wall time per booked referral | %.0f µs |%n", wallMs * 1000 / Math.max(1, v.bookings())));
        out.append('\n').append("Checks (from the log of bookings made):\n\n");
        out.append(String.format(Locale.ROOT, "- (specialist, slot) booked twice: **%d**%n", v.doubleBookings()));
        out.append(String.format(Locale.ROOT, "- booked on top of a booking that existed before the burst: **%d**%n", v.onInitialBookings()));
        out.append(String.format(Locale.ROOT, "- referrals booked twice: **%d**%n", v.referralsBookedTwice()));
        out.append(String.format(Locale.ROOT, "- (specialist, week) over the weekly maximum: **%d**%n", v.weeksOverMaximum()));
        out.append(String.format(Locale.ROOT, "- bookings that fail Matcher.check for their request: **%d**%n", v.ruleViolations()));
        v.examples().forEach(e -> out.append("  - ").append(e).append('\n'));
        return out.toString();
    }
}
