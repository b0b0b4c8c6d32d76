package nl.consilium.local.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the stack runs and how patient the walk is.
 *
 * @param gatewayUrl referral-gateway base URL (env {@code CONSILIUM_GATEWAY_URL}, default http://localhost:18081)
 * @param intakeUrl intake (env {@code CONSILIUM_INTAKE_URL}, default http://localhost:18082)
 * @param schedulingUrl scheduling (env {@code CONSILIUM_SCHEDULING_URL}, default http://localhost:18083)
 * @param consultUrl consult (env {@code CONSILIUM_CONSULT_URL}, default http://localhost:18084)
 * @param reportingUrl reporting (env {@code CONSILIUM_REPORTING_URL}, default http://localhost:18085)
 * @param keycloakUrl Keycloak (env {@code CONSILIUM_KEYCLOAK_URL}, default http://localhost:18180)
 * @param realm the realm (env {@code CONSILIUM_KEYCLOAK_REALM}, default consilium)
 * @param realmFile deploy/keycloak/realm-consilium.json, for the demo users; null or missing: looked
 *     for, else the built-in table ({@link DemoUsers#loadOrBuiltIn})
 * @param pollTimeout how long each poll waits for its answer (default 60 s)
 * @param pollInterval pause between two polls (default 250 ms)
 * @param listener told about each step (default: silent)
 */
public record WalkthroughConfig(
        URI gatewayUrl,
        URI intakeUrl,
        URI schedulingUrl,
        URI consultUrl,
        URI reportingUrl,
        URI keycloakUrl,
        String realm,
        Path realmFile,
        Duration pollTimeout,
        Duration pollInterval,
        StepListener listener) {

    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    public WalkthroughConfig {
        gatewayUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(gatewayUrl, "gatewayUrl"));
        intakeUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(intakeUrl, "intakeUrl"));
        schedulingUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(schedulingUrl, "schedulingUrl"));
        consultUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(consultUrl, "consultUrl"));
        reportingUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(reportingUrl, "reportingUrl"));
        keycloakUrl = KeycloakTokens.stripSlash(Objects.requireNonNull(keycloakUrl, "keycloakUrl"));
        realm = realm == null ? KeycloakTokens.DEFAULT_REALM : realm;
        pollTimeout = pollTimeout == null ? DEFAULT_POLL_TIMEOUT : pollTimeout;
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        listener = listener == null ? StepListener.SILENT : listener;
    }

    /** The five services and Keycloak at these URLs, every other setting default. */
    public static WalkthroughConfig of(URI gatewayUrl, URI intakeUrl, URI schedulingUrl, URI consultUrl,
            URI reportingUrl, URI keycloakUrl) {
        return new WalkthroughConfig(gatewayUrl, intakeUrl, schedulingUrl, consultUrl, reportingUrl, keycloakUrl,
                null, null, null, null, null);
    }

    /** The local stack's default ports (deploy/local/README.md). */
    public static WalkthroughConfig localDefaults() {
        return fromEnvironment(Map.of());
    }

    /** From the variables {@code deploy/local/consilium env} prints. */
    public static WalkthroughConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** From these variables; missing ones take the local stack's defaults. */
    public static WalkthroughConfig fromEnvironment(Map<String, String> env) {
        String realmFile = get(env, DemoUsers.REALM_FILE_ENV, null);
        return new WalkthroughConfig(
                URI.create(get(env, "CONSILIUM_GATEWAY_URL", "http://localhost:18081")),
                URI.create(get(env, "CONSILIUM_INTAKE_URL", "http://localhost:18082")),
                URI.create(get(env, "CONSILIUM_SCHEDULING_URL", "http://localhost:18083")),
                URI.create(get(env, "CONSILIUM_CONSULT_URL", "http://localhost:18084")),
                URI.create(get(env, "CONSILIUM_REPORTING_URL", "http://localhost:18085")),
                URI.create(get(env, KeycloakTokens.KEYCLOAK_URL_ENV, KeycloakTokens.DEFAULT_KEYCLOAK_URL)),
                get(env, KeycloakTokens.REALM_ENV, KeycloakTokens.DEFAULT_REALM),
                realmFile == null ? null : Path.of(realmFile),
                null, null, null);
    }

    public WalkthroughConfig withPollTimeout(Duration timeout) {
        return new WalkthroughConfig(gatewayUrl, intakeUrl, schedulingUrl, consultUrl, reportingUrl, keycloakUrl,
                realm, realmFile, timeout, pollInterval, listener);
    }

    public WalkthroughConfig withPollInterval(Duration interval) {
        return new WalkthroughConfig(gatewayUrl, intakeUrl, schedulingUrl, consultUrl, reportingUrl, keycloakUrl,
                realm, realmFile, pollTimeout, interval, listener);
    }

    public WalkthroughConfig withRealmFile(Path file) {
        return new WalkthroughConfig(gatewayUrl, intakeUrl, schedulingUrl, consultUrl, reportingUrl, keycloakUrl,
                realm, file, pollTimeout, pollInterval, listener);
    }

    public WalkthroughConfig withListener(StepListener stepListener) {
        return new WalkthroughConfig(gatewayUrl, intakeUrl, schedulingUrl, consultUrl, reportingUrl, keycloakUrl,
                realm, realmFile, pollTimeout, pollInterval, stepListener);
    }

    /** Prints one line per step on {@code out}. */
    public WalkthroughConfig withOutput(PrintStream out) {
        return withListener(StepListener.printingTo(out));
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
