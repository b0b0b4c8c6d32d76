package nl.consilium.gateway.security;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate subject DN in one comparable form, whether it comes from configuration
 * ({@code allowed-subjects}), from an ingress's subject header, or from a certificate. Two names are
 * equal when they have the same RDNs in the same order, each RDN the same set of attributes:
 * <ul>
 * <li>attribute types by OID, keywords case-insensitive: {@code organizationIdentifier},
 * {@code 2.5.4.97} and {@code OID.2.5.4.97} are one type (likewise {@code serialNumber}, {@code CN},
 * {@code O}, {@code OU}, {@code C}, {@code L}, {@code ST}, {@code E}/{@code emailAddress}, ...);</li>
 * <li>values as decoded strings: a {@code #hex} DER value of a string type (UTF8String,
 * PrintableString, IA5String, ...) equals the same text written plainly, whatever its string tag;
 * compared as LDAP's caseIgnoreMatch does (Unicode NFKC, case folded, outer white space removed,
 * inner white space runs as one space);</li>
 * <li>RFC 2253 escaping and quoting undone, multi-valued RDNs ({@code CN=a+OU=b}) in any order.</li>
 * </ul>
 * The RDN order is significant: RFC 2253 order, the most specific first ({@code CN=...,O=...,C=NL},
 * as {@code openssl x509 -noout -subject -nameopt RFC2253} prints it).
 */
public final class SubjectName {

    /** The property whose values are parsed by {@link #parseConfigured}. */
    public static final String ALLOWED_SUBJECTS = "consilium.referral-gateway.zorgdomein.allowed-subjects";

    private static final Pattern OID = Pattern.compile("[0-9]+(\\.[0-9]+)+");

    /** Keywords (lower case) and their OIDs. */
    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("cn", "2.5.4.3"), Map.entry("commonname", "2.5.4.3"),
            Map.entry("sn", "2.5.4.4"), Map.entry("surname", "2.5.4.4"),
            Map.entry("serialnumber", "2.5.4.5"),
            Map.entry("c", "2.5.4.6"), Map.entry("countryname", "2.5.4.6"),
            Map.entry("l", "2.5.4.7"), Map.entry("localityname", "2.5.4.7"),
            Map.entry("st", "2.5.4.8"), Map.entry("s", "2.5.4.8"), Map.entry("stateorprovincename", "2.5.4.8"),
            Map.entry("street", "2.5.4.9"), Map.entry("streetaddress", "2.5.4.9"),
            Map.entry("o", "2.5.4.10"), Map.entry("organizationname", "2.5.4.10"),
            Map.entry("ou", "2.5.4.11"), Map.entry("organizationalunitname", "2.5.4.11"),
            Map.entry("t", "2.5.4.12"), Map.entry("title", "2.5.4.12"),
            Map.entry("businesscategory", "2.5.4.15"),
            Map.entry("postalcode", "2.5.4.17"),
            Map.entry("name", "2.5.4.41"),
            Map.entry("givenname", "2.5.4.42"), Map.entry("gn", "2.5.4.42"), Map.entry("g", "2.5.4.42"),
            Map.entry("initials", "2.5.4.43"),
            Map.entry("generationqualifier", "2.5.4.44"),
            Map.entry("dnqualifier", "2.5.4.46"),
            Map.entry("pseudonym", "2.5.4.65"),
            Map.entry("organizationidentifier", "2.5.4.97"),
            Map.entry("e", "1.2.840.113549.1.9.1"), Map.entry("emailaddress", "1.2.840.113549.1.9.1"),
            Map.entry("dc", "0.9.2342.19200300.100.1.25"),
            Map.entry("uid", "0.9.2342.19200300.100.1.1"),
            Map.entry("jurisdictionc", "1.3.6.1.4.1.311.60.2.1.3"),
            Map.entry("jurisdictioncountryname", "1.3.6.1.4.1.311.60.2.1.3"));

    /** How an OID is shown in {@link #toString()} (and the OIDs a certificate's name is written with). */
    private static final Map<String, String> SHOWN_AS = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.4", "SN"), Map.entry("2.5.4.5", "serialNumber"),
            Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.7", "L"), Map.entry("2.5.4.8", "ST"),
            Map.entry("2.5.4.9", "STREET"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.12", "title"), Map.entry("2.5.4.15", "businessCategory"),
            Map.entry("2.5.4.17", "postalCode"), Map.entry("2.5.4.41", "name"), Map.entry("2.5.4.42", "givenName"),
            Map.entry("2.5.4.43", "initials"), Map.entry("2.5.4.44", "generationQualifier"),
            Map.entry("2.5.4.46", "dnQualifier"), Map.entry("2.5.4.65", "pseudonym"),
            Map.entry("2.5.4.97", "organizationIdentifier"), Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"), Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

    /** One attribute: its type's OID and its normalised value ({@code binary}: lower-case hex of DER). */
    record Ava(String oid, String value, boolean binary) {
        @Override
        public String toString() {
            return SHOWN_AS.getOrDefault(oid, oid) + "=" + (binary ? "#" + value : Rdn.escapeValue(value));
        }
    }

    private static final Comparator<Ava> ORDER = Comparator.comparing(Ava::oid)
            .thenComparing(Ava::binary).thenComparing(Ava::value);

    /** The RDNs in RFC 2253 order (most specific first), each its attributes sorted, without repeats. */
    private final List<List<Ava>> rdns;

    private SubjectName(List<List<Ava>> rdns) {
        this.rdns = List.copyOf(rdns);
    }

    /**
     * Reads a DN written as RFC 2253 (also RFC 4514/1779 leniencies: spaces around {@code ,} and
     * {@code =}, quoted values, {@code OID.} prefixes).
     *
     * @throws IllegalArgumentException saying why {@code text} is not a DN this class can compare
     */
    public static SubjectName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the name is empty");
        }
        LdapName name;
        try {
            name = new LdapName(text.strip());
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name in RFC 2253 form (TYPE=value,TYPE=value,...)");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        List<List<Ava>> rdns = new ArrayList<>();
        // LdapName lists the RDNs right to left; keep RFC 2253's order, most specific first
        for (Rdn rdn : name.getRdns().reversed()) {
            Set<Ava> attributes = new TreeSet<>(ORDER);
            try {
                NamingEnumeration<? extends Attribute> all = rdn.toAttributes().getAll();
                while (all.hasMore()) {
                    Attribute attribute = all.next();
                    String oid = oidOf(attribute.getID());
                    NamingEnumeration<?> values = attribute.getAll();
                    while (values.hasMore()) {
                        attributes.add(attribute(oid, values.next()));
                    }
                }
            } catch (NamingException e) {
                throw new IllegalArgumentException("not a distinguished name in RFC 2253 form");
            }
            rdns.add(List.copyOf(attributes));
        }
        return new SubjectName(rdns);
    }

    /** A certificate's subject (or issuer). */
    public static SubjectName of(X500Principal principal) {
        // The JDK writes known keywords as text and every other attribute as #hex of its DER value.
        return parse(principal.getName(X500Principal.RFC2253, SHOWN_AS));
    }

    /**
     * The configured {@code allowed-subjects}; an unusable value stops the start with a message that
     * names the property and says what to write.
     *
     * @throws IllegalStateException naming {@value #ALLOWED_SUBJECTS}
     */
    public static Set<SubjectName> parseConfigured(Collection<String> configured) {
        Set<SubjectName> names = new LinkedHashSet<>();
        for (String value : configured) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                names.add(parse(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(ALLOWED_SUBJECTS + ": '" + value.strip() + "' cannot be read: "
                        + e.getMessage() + ". Write each subject as RFC 2253, as openssl x509 -noout -subject "
                        + "-nameopt RFC2253 prints it. " + ESCAPING);
            }
        }
        // CN=a,O=b,C=NL unescaped arrives as three one-attribute subjects of different types
        if (names.size() > 1 && names.stream().allMatch(SubjectName::isSingleAttribute)
                && names.stream().map(name -> name.rdns.getFirst().getFirst().oid()).distinct().count() > 1) {
            throw new IllegalStateException(ALLOWED_SUBJECTS + " holds " + names.size() + " subjects of one "
                    + "attribute each (" + names.stream().map(SubjectName::toString).collect(Collectors.joining(" | "))
                    + "): this looks like one subject split at its commas. " + ESCAPING);
        }
        return Set.copyOf(names);
    }

    private static final String ESCAPING = "Several subjects are separated by ','; escape the commas inside one "
            + "subject as '\\,' (in an environment variable; quote it in a shell) or '\\\\,' (in a properties "
            + "file), e.g. CN=zorgdomein.nl\\,organizationIdentifier=NTRNL-12345678\\,O=ZorgDomein B.V.\\,C=NL";

    private boolean isSingleAttribute() {
        return rdns.size() == 1 && rdns.getFirst().size() == 1;
    }

    private static String oidOf(String type) {
        String value = type.strip();
        if (value.regionMatches(true, 0, "OID.", 0, 4)) {
            value = value.substring(4);
        }
        if (OID.matcher(value).matches()) {
            return value;
        }
        String oid = KEYWORDS.get(value.toLowerCase(Locale.ROOT));
        if (oid == null) {
            throw new IllegalArgumentException("unknown attribute type '" + printable(type)
                    + "'; write it as its OID (e.g. 2.5.4.97=...)");
        }
        return oid;
    }

    private static Ava attribute(String oid, Object value) {
        if (value instanceof String text) {
            return new Ava(oid, normalise(text), false);
        }
        if (value instanceof byte[] der) {
            String text = decodeString(der);
            return text == null ? new Ava(oid, HexFormat.of().formatHex(der), true)
                    : new Ava(oid, normalise(text), false);
        }
        throw new IllegalArgumentException("unreadable value of attribute " + oid);
    }

    /** LDAP caseIgnoreMatch, simplified (RFC 4518): NFKC, case folded, white space trimmed and collapsed. */
    static String normalise(String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The text of a DER-encoded ASN.1 string; null when {@code der} is not one of the string types. */
    static String decodeString(byte[] der) {
        if (der.length < 2) {
            return null;
        }
        int tag = der[0] & 0xFF;
        int length = der[1] & 0xFF;
        int offset = 2;
        if (length > 0x7F) {
            int octets = length & 0x7F;
            if (octets == 0 || octets > 3 || der.length < 2 + octets) {
                return null;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[2 + i] & 0xFF);
            }
            offset = 2 + octets;
        }
        if (offset + length != der.length) {
            return null;
        }
        return switch (tag) {
            case 0x0C -> new String(der, offset, length, StandardCharsets.UTF_8); // UTF8String
            case 0x12, 0x13, 0x16, 0x1A -> new String(der, offset, length, StandardCharsets.US_ASCII); // Numeric, Printable, IA5, Visible
            case 0x14 -> new String(der, offset, length, StandardCharsets.ISO_8859_1); // TeletexString, as Latin-1
            case 0x1E -> new String(der, offset, length, StandardCharsets.UTF_16BE); // BMPString
            case 0x1C -> new String(der, offset, length, java.nio.charset.Charset.forName("UTF-32BE")); // UniversalString
            default -> null;
        };
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "..." : cleaned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubjectName name && rdns.equals(name.rdns);
    }

    @Override
    public int hashCode() {
        return rdns.hashCode();
    }

    /** The normalised form, RFC 2253 order (values lower-cased as compared). */
    @Override
    public String toString() {
        return rdns.stream().map(rdn -> rdn.stream().map(Ava::toString).collect(Collectors.joining("+")))
                .collect(Collectors.joining(","));
    }
}
