package nl.consilium.gateway.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import nl.consilium.gateway.security.ZorgDomeinSecurityConfig.ClientCertificateMode;
import org.jboss.logging.Logger;

/**
 * The transport half of ZorgDomein's channel: with {@code client-certificate=tls} a {@code /fhir/*}
 * request must arrive over a TLS session with a verified client certificate (the handshake itself,
 * with {@code quarkus.http.ssl.client-auth=required}, refuses certificates outside the trust store);
 * with {@code client-certificate=proxy-header} it must come from a trusted ingress address carrying the
 * certificate the ingress verified. Anything else is answered 403 with an OperationOutcome, before
 * authentication and before the body is read, and logged at INFO with the reason (never the
 * certificate's subject; its SHA-256 fingerprint's first 8 bytes instead, as
 * {@code openssl x509 -noout -fingerprint -sha256} prints them). Subjects are compared as
 * {@link SubjectName}s.
 */
@ApplicationScoped
public class ClientCertificateFilter {

    /** Runs before the application's routes (and before authentication, which is lazy here). */
    public static final int PRIORITY = 500;
    /** The routing-context key of the accepted client certificate's subject DN (normalised, {@link SubjectName}). */
    public static final String SUBJECT = "consilium.zorgdomein.client-subject";

    private static final Logger LOG = Logger.getLogger(ClientCertificateFilter.class);

    /** Why a request was refused; {@code label} is what the log says. */
    enum Reason {
        NOT_TLS("not over TLS"),
        NO_CLIENT_CERTIFICATE("no client certificate"),
        UNTRUSTED_PROXY("untrusted proxy address"),
        VERIFY_NOT_SUCCESS("verify header not SUCCESS"),
        UNREADABLE_CERTIFICATE("unreadable certificate header"),
        CERTIFICATE_NOT_VALID("certificate expired or not yet valid"),
        UNREADABLE_SUBJECT("unreadable subject header"),
        SUBJECT_NOT_ALLOWED("subject not allowed");

        final String label;

        Reason(String label) {
            this.label = label;
        }
    }

    /** A refusal: the reason, the diagnostics for the caller, and what the log adds (no subject). */
    record Refusal(Reason reason, String diagnostics, String detail) {
    }

    @Inject
    ZorgDomeinSecurityConfig config;

    private List<Cidr> trustedProxies = List.of();
    private Optional<Set<SubjectName>> allowedSubjects = Optional.empty();

    void register(@Observes Filters filters) {
        ClientCertificateMode mode = config.clientCertificate();
        if (mode == ClientCertificateMode.NONE) {
            return;
        }
        trustedProxies = config.proxy().trustedAddresses().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        if (mode == ClientCertificateMode.PROXY_HEADER && trustedProxies.isEmpty()) {
            LOG.warn("client-certificate=proxy-header without consilium.referral-gateway.zorgdomein.proxy."
                    + "trusted-addresses: every /fhir/* request is refused");
        }
        // an unreadable subject stops the start here, with a message naming the property
        allowedSubjects = config.allowedSubjects().map(SubjectName::parseConfigured).filter(s -> !s.isEmpty());
        filters.register(context -> {
            if (!FhirPaths.isFhir(context)) {
                context.next();
                return;
            }
            Refusal refusal = mode == ClientCertificateMode.TLS ? checkTls(context) : checkProxy(context);
            if (refusal == null) {
                context.next();
            } else {
                LOG.infof("ZorgDomein channel: /fhir/* request refused (%s): %s%s", mode, refusal.reason().label,
                        refusal.detail() == null ? "" : " [" + refusal.detail() + "]");
                FhirPaths.answer(context, 403, "forbidden", refusal.diagnostics());
            }
        }, PRIORITY);
    }

    /** Null when the TLS session carries a verified, acceptable client certificate; else why not. */
    private Refusal checkTls(RoutingContext context) {
        if (!context.request().isSSL()) {
            return new Refusal(Reason.NOT_TLS, "Connect over TLS (HTTPS) with ZorgDomein's client certificate", null);
        }
        SSLSession session = context.request().sslSession();
        Certificate[] chain;
        try {
            chain = session == null ? null : session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            chain = null;
        }
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return new Refusal(Reason.NO_CLIENT_CERTIFICATE, "No trusted client certificate was presented; connect "
                    + "with ZorgDomein's client certificate", session == null ? null : "TLS " + session.getProtocol());
        }
        return accept(context, SubjectName.of(certificate.getSubjectX500Principal()), fingerprint(certificate));
    }

    /** Null when a trusted ingress forwarded a verified, acceptable client certificate; else why not. */
    private Refusal checkProxy(RoutingContext context) {
        SocketAddress peer = context.request().connection().remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address == null || trustedProxies.stream().noneMatch(cidr -> cidr.contains(address))) {
            return new Refusal(Reason.UNTRUSTED_PROXY, "The client certificate must be verified by the configured "
                    + "ingress; this request did not come through a trusted proxy", "peer " + address);
        }
        ZorgDomeinSecurityConfig.Proxy proxy = config.proxy();
        String verify = context.request().getHeader(proxy.verifyHeader());
        if (verify != null && !"SUCCESS".equalsIgnoreCase(verify.strip())) {
            return new Refusal(Reason.VERIFY_NOT_SUCCESS, "The ingress did not verify the client certificate ("
                    + proxy.verifyHeader() + " is not SUCCESS)", proxy.verifyHeader() + ": " + printable(verify));
        }
        String forwarded = context.request().getHeader(proxy.certificateHeader());
        if (forwarded != null && !forwarded.isBlank()) {
            X509Certificate certificate;
            try {
                certificate = ForwardedClientCertificate.parse(forwarded);
            } catch (IllegalArgumentException e) {
                return new Refusal(Reason.UNREADABLE_CERTIFICATE, "The ingress forwarded no readable client "
                        + "certificate in " + proxy.certificateHeader(), null);
            }
            String fingerprint = fingerprint(certificate);
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return new Refusal(Reason.CERTIFICATE_NOT_VALID, "The client certificate is expired or not yet valid",
                        fingerprint);
            }
            return accept(context, SubjectName.of(certificate.getSubjectX500Principal()), fingerprint);
        }
        String subject = context.request().getHeader(proxy.subjectHeader());
        if (verify != null && subject != null && !subject.isBlank()) {
            SubjectName name;
            try {
                name = SubjectName.parse(subject);
            } catch (IllegalArgumentException e) {
                return new Refusal(Reason.UNREADABLE_SUBJECT, "The ingress forwarded no readable subject DN in "
                        + proxy.subjectHeader() + " (RFC 2253)", null);
            }
            return accept(context, name, "subject header only, no certificate");
        }
        return new Refusal(Reason.NO_CLIENT_CERTIFICATE, "No verified client certificate was forwarded by the "
                + "ingress (" + proxy.certificateHeader() + ", or " + proxy.verifyHeader() + ": SUCCESS with "
                + proxy.subjectHeader() + ")", verify == null ? "no " + proxy.verifyHeader() : null);
    }

    private Refusal accept(RoutingContext context, SubjectName subject, String detail) {
        if (allowedSubjects.isPresent() && !allowedSubjects.get().contains(subject)) {
            return new Refusal(Reason.SUBJECT_NOT_ALLOWED, "The client certificate's subject is not one allowed to "
                    + "deliver referrals here", detail);
        }
        context.put(SUBJECT, subject.toString());
        return null;
    }

    /** The first 8 bytes of the certificate's SHA-256 fingerprint, as openssl prints it ({@code AB:CD:...}). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "certificate SHA-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest, 0, 8) + "...";
        } catch (CertificateEncodingException e) {
            return "certificate not encodable";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
