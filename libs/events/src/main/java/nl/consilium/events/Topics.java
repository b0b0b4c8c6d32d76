package nl.consilium.events;

/**
 * Kafka topic names: one topic per aggregate, every record keyed by the referral id (audit: the
 * patient id). Topic names carry no version; event types do (see {@link EventType}).
 */
public final class Topics {

    /** The referral as received from ZorgDomein. Produced by referral-gateway. */
    public static final String REFERRAL = "consilium.referral";
    /** The intake case. Produced by intake. */
    public static final String INTAKE = "consilium.intake";
    /** The consult booking (specialist and slot). Produced by scheduling. */
    public static final String SCHEDULING = "consilium.scheduling";
    /** The consult and its report. Produced by consult. */
    public static final String CONSULT = "consilium.consult";
    /** NEN 7513 access records from every service. Keyed by the patient id. */
    public static final String AUDIT = "consilium.audit";

    private Topics() {
    }

    /** The dead-letter topic a consuming service sends poison messages to. */
    public static String deadLetter(String service) {
        return "consilium.dlq." + service;
    }
}
