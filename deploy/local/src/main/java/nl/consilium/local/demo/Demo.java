package nl.consilium.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import nl.consilium.local.demo.DemoUsers.DemoUser;

/**
 * {@code deploy/local/consilium demo [options]}: walks one fictitious referral through the running
 * stack and prints a timeline, one line per step as it happens. Exit 0 when the GP got the report,
 * 1 with the reason when a step failed, 2 on bad arguments.
 *
 * <p>Configuration from the environment {@code consilium env} sets ({@link WalkthroughConfig#fromEnvironment()}).
 * Options: {@code --specialty <code>} (default cardiology), {@code --hospital <treating hospital>},
 * {@code --gp <demo GP username>} (default gp.jansen), {@code --timeout <seconds per wait>} (default 60).
 *
 * <p>Prints no patient data: not the name, BSN, birth date or contact details, and not the medical
 * content of the referral or the report.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return 0;
        }

        WalkthroughConfig config = WalkthroughConfig.fromEnvironment(env)
                .withPollTimeout(options.timeout)
                .withOutput(out);
        ReferralWalkthrough walkthrough = new ReferralWalkthrough(config);

        SampleReferral referral;
        try {
            DemoUser gp = walkthrough.users().require(options.gp);
            if (!gp.hasRole("gp") || gp.agb() == null) {
                throw new IllegalArgumentException(options.gp + " is not a GP with an AGB code");
            }
            SampleReferral.Builder builder = SampleReferral.builder().referrer(gp).specialty(options.specialty);
            if (options.hospital != null) {
                builder.treatingHospital(options.hospital);
            }
            referral = builder.build();
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return 2;
        }

        out.println("Consilium demo: one digital second opinion, from ZorgDomein to the GP's report");
        out.printf(Locale.ROOT, "  gateway %s, intake %s, scheduling %s, consult %s, reporting %s%n",
                config.gatewayUrl(), config.intakeUrl(), config.schedulingUrl(), config.consultUrl(),
                config.reportingUrl());
        out.printf(Locale.ROOT, "  Keycloak %s (realm %s), demo users from %s%n", config.keycloakUrl(), config.realm(),
                walkthrough.users().source());
        out.printf(Locale.ROOT, "  every wait gives up after %d s%n", config.pollTimeout().toSeconds());
        out.println();
        out.println("Referral " + referral.describe());
        out.println("(the patient is fictitious; no patient data is shown)");
        out.println();

        try {
            Timeline timeline = walkthrough.walk(referral);
            Appointment appointment = timeline.appointment();
            out.println();
            out.printf(Locale.ROOT, "Done in %.1f s: referral %s was found suitable, seen by %s on %s,"
                    + " and the report (%s) reached %s. Status: %s.%n",
                    timeline.total().toMillis() / 1000.0, timeline.referralId(), appointment.specialistName(),
                    appointment.startsAtDisplay(), timeline.conclusion(), options.gp, timeline.status());
            return 0;
        } catch (WalkthroughException e) {
            out.flush();
            err.println();
            err.println("Demo failed at step '" + (e.step() == null ? "?" : e.step()) + "': " + e.reason());
            if (e.timeline() != null && !e.timeline().steps().isEmpty()) {
                err.println();
                err.print("Steps done before the failure:\n" + e.timeline().render());
            }
            return 1;
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                usage: consilium demo [--specialty <code>] [--hospital <name>] [--gp <username>] [--timeout <seconds>]
                  --specialty  specialty of the referral, as in the realm's specialists [cardiology]
                  --hospital   the hospital that treats the patient now [%s]
                  --gp         the referring demo GP (deploy/keycloak/README.md) [gp.jansen]
                  --timeout    how long each wait (intake case, booking, consult, report) may take [60]
                environment: CONSILIUM_GATEWAY_URL, CONSILIUM_INTAKE_URL, CONSILIUM_SCHEDULING_URL,
                  CONSILIUM_CONSULT_URL, CONSILIUM_REPORTING_URL, CONSILIUM_KEYCLOAK_URL, CONSILIUM_KEYCLOAK_REALM,
                  CONSILIUM_REALM_FILE (set by `deploy/local/consilium demo`, defaults: the local ports)"""
                .formatted(SampleReferral.DEFAULT_TREATING_HOSPITAL);

        String specialty = SampleReferral.DEFAULT_SPECIALTY;
        String hospital;
        String gp = DemoUsers.GP_JANSEN;
        Duration timeout = WalkthroughConfig.DEFAULT_POLL_TIMEOUT;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> o.help = true;
                    case "--specialty" -> o.specialty = value(args, ++i, arg);
                    case "--hospital" -> o.hospital = value(args, ++i, arg);
                    case "--gp" -> o.gp = value(args, ++i, arg);
                    case "--timeout" -> {
                        String seconds = value(args, ++i, arg);
                        try {
                            o.timeout = Duration.ofSeconds(Long.parseLong(seconds));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--timeout takes seconds, not " + seconds);
                        }
                        if (o.timeout.isNegative() || o.timeout.isZero()) {
                            throw new IllegalArgumentException("--timeout must be positive");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
