package nl.consilium.gateway.domain.document;

/**
 * The referring practitioner ({@code Composition.author}: a PractitionerRole, or a Practitioner).
 *
 * @param agb the practitioner's AGB code ({@link ZorgDomeinProfile#AGB_SYSTEM}, 8 digits)
 * @param name the practitioner's name; may be null
 * @param role {@code PractitionerRole.code} (for example 01.015 Huisarts); null without a role
 * @param organisation {@code PractitionerRole.organization}; null when not given
 */
public record Referrer(String agb, String name, Coded role, Organisation organisation) {

    /** The referrer's organisation (practice). {@code agb} is its AGB code when given. */
    public record Organisation(String name, String agb) {
    }

    /** The organisation's name, or null. */
    public String organisationName() {
        return organisation == null ? null : organisation.name();
    }
}
