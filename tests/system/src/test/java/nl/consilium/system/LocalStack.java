package nl.consilium.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.consilium.local.demo.WalkthroughConfig;

/**
 * The platform as deploy/local/consilium runs it, with its own data folder under target/ and ports
 * of its own (so a developer's stack on the default ports is not disturbed).
 */
final class LocalStack {

    static final List<String> SERVICES = List.of("referral-gateway", "intake", "scheduling", "consult", "reporting");
    private static final int PORT_BASE = 28000;

    final Path repo = Path.of(System.getProperty("consilium.repo", "../..")).toAbsolutePath().normalize();
    final Path data = Path.of(System.getProperty("consilium.data", "target/system-stack")).toAbsolutePath();
    final Map<String, String> env = new LinkedHashMap<>();

    LocalStack() {
        env.put("CONSILIUM_DATA", data.toString());
        env.put("CONSILIUM_PG_PORT", "25432");
        env.put("CONSILIUM_KAFKA_PORT", String.valueOf(PORT_BASE + 1092));
        env.put("CONSILIUM_KAFKA_CONTROLLER_PORT", String.valueOf(PORT_BASE + 1093));
        env.put("CONSILIUM_KEYCLOAK_PORT", String.valueOf(PORT_BASE + 180));
        for (int i = 0; i < SERVICES.size(); i++) {
            env.put("CONSILIUM_PORT_" + SERVICES.get(i).toUpperCase().replace('-', '_'), String.valueOf(PORT_BASE + 81 + i));
        }
    }

    int pgPort() {
        return Integer.parseInt(env.get("CONSILIUM_PG_PORT"));
    }

    String kafkaBootstrap() {
        return "localhost:" + env.get("CONSILIUM_KAFKA_PORT");
    }

    URI serviceUrl(String service) {
        return URI.create("http://localhost:" + env.get("CONSILIUM_PORT_" + service.toUpperCase().replace('-', '_')));
    }

    WalkthroughConfig walkthroughConfig() {
        return WalkthroughConfig.of(serviceUrl("referral-gateway"), serviceUrl("intake"), serviceUrl("scheduling"),
                        serviceUrl("consult"), serviceUrl("reporting"),
                        URI.create("http://localhost:" + env.get("CONSILIUM_KEYCLOAK_PORT")))
                .withRealmFile(repo.resolve("deploy/keycloak/realm-consilium.json"))
                .withPollTimeout(Duration.ofSeconds(120));
    }

    /** Runs {@code consilium <args>}, its output going to target/system-stack-<command>.log; fails on a non-zero exit. */
    String run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("deploy/local/consilium").toString());
        command.addAll(List.of(args));
        Files.createDirectories(data.getParent());
        Path log = data.getParent().resolve("system-stack-" + String.join("-", args) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("consilium " + String.join(" ", args) + " did not finish in " + timeout
                    + "; see " + log);
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new AssertionError("consilium " + String.join(" ", args) + " failed (exit " + process.exitValue()
                    + "); see " + log + ":\n" + tail(output));
        }
        return output;
    }

    /** SIGKILL, as a crash would: no shutdown hook, no graceful close of Kafka or the database. */
    void kill(String service) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(data.resolve("pids/" + service + ".pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(service + " is not running"));
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
        handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
