package nl.consilium.gateway.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;
import nl.consilium.gateway.security.ZorgDomeinSecurityConfig.ClientCertificateMode;
import org.jboss.logging.Logger;

/**
 * The transport half of ZorgDomein's channel: with {@code client-certificate=tls} a {@code /fhir/*}
 * request must arrive over a TLS session with a verified client certificate (the handshake itself,
 * with {@code quarkus.http.ssl.client-auth=required}, refuses certificates outside the trust store);
 * with {@code client-certificate=proxy-header} it must come from a trusted ingress address carrying the
 * certificate the ingress verified. Anything else is answered 403 with an OperationOutcome, before
 * authentication and before the body is read.
 */
@ApplicationScoped
public class ClientCertificateFilter {

    /** Runs before the application's routes (and before authentication, which is lazy here). */
    public static final int PRIORITY = 500;
    /** The routing-context key of the accepted client certificate's subject DN (RFC 2253). */
    public static final String SUBJECT = "consilium.zorgdomein.client-subject";

    private static final Logger LOG = Logger.getLogger(ClientCertificateFilter.class);

    @Inject
    ZorgDomeinSecurityConfig config;

    private List<Cidr> trustedProxies = List.of();
    private Optional<Set<X500Principal>> allowedSubjects = Optional.empty();

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
        allowedSubjects = config.allowedSubjects().map(subjects -> Set.copyOf(subjects.stream()
                .map(X500Principal::new).toList()));
        filters.register(context -> {
            if (!FhirPaths.isFhir(context)) {
                context.next();
                return;
            }
            String refusal = mode == ClientCertificateMode.TLS ? checkTls(context) : checkProxy(context);
            if (refusal == null) {
                context.next();
            } else {
                LOG.infof("ZorgDomein channel: /fhir/* request refused (%s)", mode);
                FhirPaths.answer(context, 403, "forbidden", refusal);
            }
        }, PRIORITY);
    }

    /** Null when the TLS session carries a verified, acceptable client certificate; else why not. */
    private String checkTls(RoutingContext context) {
        if (!context.request().isSSL()) {
            return "Connect over TLS (HTTPS) with ZorgDomein's client certificate";
        }
        SSLSession session = context.request().sslSession();
        Certificate[] chain;
        try {
            chain = session == null ? null : session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            chain = null;
        }
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return "No trusted client certificate was presented; connect with ZorgDomein's client certificate";
        }
        return accept(context, certificate.getSubjectX500Principal());
    }

    /** Null when a trusted ingress forwarded a verified, acceptable client certificate; else why not. */
    private String checkProxy(RoutingContext context) {
        SocketAddress peer = context.request().connection().remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address == null || trustedProxies.stream().noneMatch(cidr -> cidr.contains(address))) {
            return "The client certificate must be verified by the configured ingress; this request did not "
                    + "come through a trusted proxy";
        }
        ZorgDomeinSecurityConfig.Proxy proxy = config.proxy();
        String verify = context.request().getHeader(proxy.verifyHeader());
        if (verify != null && !"SUCCESS".equalsIgnoreCase(verify.strip())) {
            return "The ingress did not verify the client certificate (" + proxy.verifyHeader() + " is not SUCCESS)";
        }
        String forwarded = context.request().getHeader(proxy.certificateHeader());
        if (forwarded != null && !forwarded.isBlank()) {
            X509Certificate certificate;
            try {
                certificate = ForwardedClientCertificate.parse(forwarded);
            } catch (IllegalArgumentException e) {
                return "The ingress forwarded no readable client certificate in " + proxy.certificateHeader();
            }
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return "The client certificate is expired or not yet valid";
            }
            return accept(context, certificate.getSubjectX500Principal());
        }
        String subject = context.request().getHeader(proxy.subjectHeader());
        if (verify != null && subject != null && !subject.isBlank()) {
            try {
                return accept(context, new X500Principal(subject.strip()));
            } catch (IllegalArgumentException e) {
                return "The ingress forwarded no readable subject DN in " + proxy.subjectHeader();
            }
        }
        return "No verified client certificate was forwarded by the ingress (" + proxy.certificateHeader()
                + ", or " + proxy.verifyHeader() + ": SUCCESS with " + proxy.subjectHeader() + ")";
    }

    private String accept(RoutingContext context, X500Principal subject) {
        if (allowedSubjects.isPresent() && !allowedSubjects.get().contains(subject)) {
            return "The client certificate's subject is not one allowed to deliver referrals here";
        }
        context.put(SUBJECT, subject.getName(X500Principal.RFC2253));
        return null;
    }
}
