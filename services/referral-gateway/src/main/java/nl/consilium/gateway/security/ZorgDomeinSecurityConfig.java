package nl.consilium.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the gateway authenticates ZorgDomein on {@code /fhir/*}
 * ({@code CONSILIUM_REFERRAL_GATEWAY_ZORGDOMEIN_...}): an RS256 bearer token on every call, and,
 * independently, a trusted client certificate (mutual TLS here or at the ingress).
 */
@ConfigMapping(prefix = "consilium.referral-gateway.zorgdomein")
public interface ZorgDomeinSecurityConfig {

    /**
     * When true, {@code /fhir/*} accepts only ZorgDomein's RS256 bearer token (not Keycloak's) and
     * gives its caller the role {@code referral-source}. When false, nothing changes.
     */
    @WithDefault("false")
    boolean enabled();

    /** The accepted {@code iss} values (at least one when enabled). */
    Optional<Set<String>> issuers();

    /** When given, the token's {@code aud} must contain one of these. */
    Optional<Set<String>> audiences();

    /**
     * ZorgDomein's signing keys, by name (several at once, for rotation). A token whose {@code kid}
     * names one of them (or the SHA-1/SHA-256 thumbprint of its certificate) is checked against that
     * key only; a token without a known {@code kid} against all of them.
     */
    Map<String, TrustedKey> trustedKeys();

    /** Clock difference tolerated on {@code iat}, {@code nbf} and {@code exp}. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How long after its {@code iat} a token is accepted (also the replay window of its {@code jti}). */
    @WithDefault("PT10M")
    Duration maxTokenAge();

    /** Which client certificate a {@code /fhir/*} request must come with; otherwise 403. */
    @WithDefault("none")
    ClientCertificateMode clientCertificate();

    /** Ingress settings for {@code client-certificate=proxy-header}. */
    Proxy proxy();

    /**
     * When given, the client certificate's subject DN must equal one of these (both modes), e.g. to
     * accept only ZorgDomein's PKIoverheid certificate. RFC 2253, as {@code openssl x509 -noout -subject
     * -nameopt RFC2253} prints it ({@code CN=zorgdomein.nl,organizationIdentifier=NTRNL-...,O=...,C=NL});
     * compared as {@link SubjectName}s. Several are separated by commas, so the commas inside one DN
     * are written {@code \,} (in an environment variable; {@code \\,} in a properties file). A value
     * that cannot be read stops the start.
     */
    Optional<Set<String>> allowedSubjects();

    /** One trusted signing key: a PEM value or a PEM file (public key or X.509 certificate(s)). */
    interface TrustedKey {
        /** {@code -----BEGIN PUBLIC KEY-----} or {@code -----BEGIN CERTIFICATE-----} text. */
        Optional<String> pem();

        /** A file with such PEM text. */
        Optional<String> file();
    }

    /** A client certificate verified by an ingress in front of the gateway. */
    interface Proxy {
        /** CIDRs of the ingress (e.g. {@code 10.0.0.0/8,::1/128}); the header is ignored from elsewhere. */
        Optional<List<String>> trustedAddresses();

        /** The URL-encoded PEM client certificate (nginx {@code $ssl_client_escaped_cert}). */
        @WithDefault("X-SSL-Client-Cert")
        String certificateHeader();

        /** The ingress's verification result; when present it must be {@code SUCCESS}. */
        @WithDefault("ssl-client-verify")
        String verifyHeader();

        /** The verified subject DN, used when the ingress forwards no certificate. */
        @WithDefault("ssl-client-subject-dn")
        String subjectHeader();
    }

    /** Where the client certificate comes from. */
    enum ClientCertificateMode {
        /** Not checked here (the default). */
        NONE,
        /** The gateway terminates TLS and the TLS session must carry a verified client certificate. */
        TLS,
        /** An ingress terminated mutual TLS and forwards the verified certificate in a header. */
        PROXY_HEADER
    }
}
