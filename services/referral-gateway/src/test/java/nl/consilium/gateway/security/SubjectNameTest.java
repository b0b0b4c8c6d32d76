package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** Subject DNs from configuration, from an ingress's header and from certificates, in one comparable form. */
class SubjectNameTest {

    private static SubjectName dn(String text) {
        return SubjectName.parse(text);
    }

    /** {@code #hex} of a DER string: tag, one length byte, the bytes. */
    private static String hexDer(int tag, String value, java.nio.charset.Charset charset) {
        byte[] bytes = value.getBytes(charset);
        byte[] der = new byte[bytes.length + 2];
        der[0] = (byte) tag;
        der[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, der, 2, bytes.length);
        return "#" + HexFormat.of().formatHex(der);
    }

    @Test
    void aPkioverheidSubjectAsOpensslPrintsItMatchesTheCertificate() {
        SubjectName configured = dn(SecurityTestMaterial.PKIO_CLIENT_DN);
        X509Certificate utf8 = SecurityTestMaterial.selfSigned(SecurityTestMaterial.pkioName("NTRNL-12345678", true));
        X509Certificate printable = SecurityTestMaterial.selfSigned(
                SecurityTestMaterial.pkioName("NTRNL-12345678", false));
        assertThat(SubjectName.of(utf8.getSubjectX500Principal())).isEqualTo(configured);
        assertThat(SubjectName.of(printable.getSubjectX500Principal())).as("another string tag").isEqualTo(configured);
        assertThat(SubjectName.of(SecurityTestMaterial.selfSigned(SecurityTestMaterial.pkioName("NTRNL-87654321", true))
                .getSubjectX500Principal())).isNotEqualTo(configured);
        // what the JDK alone makes of it: no match (the reason for this class)
        assertThat(utf8.getSubjectX500Principal())
                .isNotEqualTo(new X500Principal("CN=zorgdomein.nl,2.5.4.97=NTRNL-12345678,O=ZorgDomein B.V.,C=NL"));
        // and the forms a configuration or an ingress may use
        assertThat(dn("CN=zorgdomein.nl,2.5.4.97=NTRNL-12345678,O=ZorgDomein B.V.,C=NL")).isEqualTo(configured);
        assertThat(dn("CN=zorgdomein.nl,OID.2.5.4.97=NTRNL-12345678,O=ZorgDomein B.V.,C=NL")).isEqualTo(configured);
        assertThat(dn("CN=zorgdomein.nl,2.5.4.97=" + hexDer(0x0C, "NTRNL-12345678", StandardCharsets.UTF_8)
                + ",O=ZorgDomein B.V.,C=NL")).isEqualTo(configured);
        assertThat(dn("CN=zorgdomein.nl,2.5.4.97=" + hexDer(0x13, "NTRNL-12345678", StandardCharsets.US_ASCII)
                + ",O=ZorgDomein B.V.,C=NL")).isEqualTo(configured);
        assertThat(dn("cn = ZORGDOMEIN.NL ,  ORGANIZATIONIDENTIFIER = ntrnl-12345678, o=zorgdomein   b.v., c=nl"))
                .isEqualTo(configured);
    }

    @Test
    void keywordsAndOidsAreOneAttributeType() {
        assertThat(dn("serialNumber=00000001,CN=Jan")).isEqualTo(dn("2.5.4.5=00000001,cn=Jan"))
                .isEqualTo(dn("SERIALNUMBER=00000001,CN=Jan")).isEqualTo(dn("OID.2.5.4.5=00000001,2.5.4.3=Jan"));
        assertThat(dn("E=a@b.nl,CN=x")).isEqualTo(dn("EMAILADDRESS=A@B.nl,CN=x"))
                .isEqualTo(dn("emailAddress=a@b.nl,CN=x")).isEqualTo(dn("1.2.840.113549.1.9.1=a@b.nl,CN=x"));
        assertThat(dn("CN=x,OU=y,O=z,L=Utrecht,ST=Utrecht,C=NL"))
                .isEqualTo(dn("2.5.4.3=x,2.5.4.11=y,2.5.4.10=z,2.5.4.7=Utrecht,2.5.4.8=Utrecht,2.5.4.6=NL"))
                .isEqualTo(dn("cn=x,ou=y,o=z,l=utrecht,S=utrecht,c=nl"));
        assertThat(dn("CN=x,O=z")).isNotEqualTo(dn("OU=x,O=z"));
    }

    @Test
    void theJdksFormOfACertificateSubjectIsReadBack() {
        X500Principal principal = new X500Principal(
                "EMAILADDRESS=pki@zorgdomein.nl, SERIALNUMBER=42, CN=zorgdomein.nl, OU=ICT, O=ZorgDomein B.V., L=Utrecht, "
                        + "ST=Utrecht, C=NL");
        // RFC 2253 alone gives OIDs with #hex for E and serialNumber: both read as text
        assertThat(principal.getName(X500Principal.RFC2253)).contains("#");
        assertThat(SubjectName.of(principal)).isEqualTo(dn("E=PKI@zorgdomein.nl,serialNumber=42,CN=zorgdomein.nl,"
                + "OU=ICT,O=ZorgDomein B.V.,L=Utrecht,ST=Utrecht,C=NL"));
        assertThat(SubjectName.of(new X500Principal(SecurityTestMaterial.TRUSTED_CLIENT_DN)))
                .isEqualTo(dn(SecurityTestMaterial.TRUSTED_CLIENT_DN));
    }

    @Test
    void theOrderOfRdnsCountsTheOrderInsideAMultiValuedRdnDoesNot() {
        assertThat(dn("CN=a,O=b,C=NL")).isNotEqualTo(dn("C=NL,O=b,CN=a"));
        assertThat(dn("CN=a,O=b,C=NL")).isNotEqualTo(dn("CN=a,O=b"));
        assertThat(dn("CN=a,O=b,C=NL")).isNotEqualTo(dn("CN=a,O=c,C=NL"));
        assertThat(dn("CN=a+OU=b,C=NL")).isEqualTo(dn("OU=b+CN=a,C=NL")).isNotEqualTo(dn("CN=a,OU=b,C=NL"));
        SubjectName multi = SubjectName.of(SecurityTestMaterial.selfSigned(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addMultiValuedRDN(new org.bouncycastle.asn1.x500.AttributeTypeAndValue[] {
                    new org.bouncycastle.asn1.x500.AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("a")),
                    new org.bouncycastle.asn1.x500.AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("b"))})
                .build()).getSubjectX500Principal());
        assertThat(multi).isEqualTo(dn("OU=b+CN=a,C=NL"));
    }

    @Test
    void escapingAndQuotingAreUndone() {
        assertThat(dn("CN=a\\,b,O=c")).isEqualTo(dn("CN=\"a,b\",O=c"))
                .isEqualTo(dn("CN=" + hexDer(0x0C, "a,b", StandardCharsets.UTF_8) + ",O=c"))
                .isNotEqualTo(dn("CN=a,OU=b,O=c"));
        assertThat(dn("O=ZorgDomein\\2C B.V.")).isEqualTo(dn("O=ZorgDomein\\, B.V."));
        X509Certificate certificate = SecurityTestMaterial.selfSigned(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, new DERUTF8String("Zorg, Domein + Co"))
                .addRDN(BCStyle.CN, new DERUTF8String("\u00e9\u00e9n"))
                .build());
        assertThat(SubjectName.of(certificate.getSubjectX500Principal()))
                .isEqualTo(dn("CN=\u00c9\u00e9n,O=Zorg\\, Domein \\+ Co"));
        assertThat(dn("CN=\\#1")).as("an escaped # is text").isNotEqualTo(dn("CN=#0c0131"))
                .isEqualTo(dn("CN=\"#1\""));
        assertThat(dn("CN=#0c0131")).isEqualTo(dn("CN=1"));
    }

    @Test
    void valuesThatAreNoStringsCompareByTheirBytes() {
        assertThat(dn("2.5.4.97=#04020102,CN=x")).isEqualTo(dn("2.5.4.97=#04020102,CN=X"))
                .isNotEqualTo(dn("2.5.4.97=#04020103,CN=x"))
                .isNotEqualTo(dn("2.5.4.97=\\#04020102,CN=x"));
    }

    @Test
    void whatCannotBeReadIsRefusedWithAReason() {
        assertThatThrownBy(() -> dn("not a dn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 2253");
        assertThatThrownBy(() -> dn("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> dn("CN=x,organisationIdentifier=NTRNL-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown attribute type 'organisationIdentifier'");
    }

    @Test
    void anUnreadableConfiguredSubjectStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> SubjectName.parseConfigured(List.of(SecurityTestMaterial.TRUSTED_CLIENT_DN,
                "zorgdomein.nl")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("consilium.referral-gateway.zorgdomein.allowed-subjects: 'zorgdomein.nl' "
                        + "cannot be read")
                .hasMessageContaining("RFC 2253")
                .hasMessageNotContaining("improperly specified");
        // one DN whose commas were not escaped arrives as one-attribute pieces
        assertThatThrownBy(() -> SubjectName.parseConfigured(List.of("CN=zorgdomein.nl", "O=ZorgDomein B.V.", "C=NL")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("consilium.referral-gateway.zorgdomein.allowed-subjects")
                .hasMessageContaining("split at its commas");
        assertThat(SubjectName.parseConfigured(List.of("CN=zorgdomein.nl"))).containsExactly(dn("cn=ZorgDomein.nl"));
        assertThat(SubjectName.parseConfigured(List.of("CN=zd-production", "CN=zd-acceptance"))).hasSize(2);
        assertThat(SubjectName.parseConfigured(List.of(SecurityTestMaterial.PKIO_CLIENT_DN, " ",
                SecurityTestMaterial.TRUSTED_CLIENT_DN)))
                .isEqualTo(Set.of(dn(SecurityTestMaterial.PKIO_CLIENT_DN), dn(SecurityTestMaterial.TRUSTED_CLIENT_DN)));
    }

    @Test
    void theNormalisedFormIsReadable() {
        assertThat(dn(SecurityTestMaterial.PKIO_CLIENT_DN))
                .hasToString("CN=zorgdomein.nl,organizationIdentifier=ntrnl-12345678,O=zorgdomein b.v.,C=nl");
    }
}
