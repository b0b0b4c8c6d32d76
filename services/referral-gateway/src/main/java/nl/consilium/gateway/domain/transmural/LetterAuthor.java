package nl.consilium.gateway.domain.transmural;

/** Who should write the referral letter under the transmural agreement. */
public enum LetterAuthor {
    TREATING_SPECIALIST("treating specialist"),
    GP("GP");

    private final String text;

    LetterAuthor(String text) {
        this.text = text;
    }

    /** "treating specialist" or "GP", for reason texts. */
    public String text() {
        return text;
    }
}
