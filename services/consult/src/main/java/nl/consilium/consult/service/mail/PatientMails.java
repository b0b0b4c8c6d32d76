package nl.consilium.consult.service.mail;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The text of the patient's emails. Dutch; English when intake recorded another preferred language
 * (anything but {@code nl...}): the platform has these two. Times are in Europe/Amsterdam. The
 * subject names the date and time only; the body adds the specialist's name and specialty, the join
 * link and what to prepare. Nothing of the question, the reasons or the dossier: email is no place
 * for medical content.
 */
public final class PatientMails {

    /** Every time in an email is wall-clock time here. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private PatientMails() {
    }

    /** What goes out: to whom, subject and plain-text body. */
    public record Message(String recipient, String subject, String body) {
    }

    /** The facts an email is made of. {@code joinUrl} is null for a cancellation. */
    public record Facts(String patientName, String preferredLanguage, String specialistName, String specialty,
            Instant startsAt, Instant endsAt, URI joinUrl) {
    }

    /** The two languages the emails come in. */
    public enum Language {
        DUTCH(Locale.forLanguageTag("nl-NL")),
        ENGLISH(Locale.UK);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        /** Dutch unless another language was recorded at intake. */
        public static Language of(String preferredLanguage) {
            if (preferredLanguage == null || preferredLanguage.isBlank()) {
                return DUTCH;
            }
            String tag = preferredLanguage.strip().toLowerCase(Locale.ROOT);
            return tag.equals("nl") || tag.startsWith("nl-") || tag.startsWith("nl_") || tag.equals("dutch")
                    || tag.equals("nederlands") ? DUTCH : ENGLISH;
        }
    }

    public static Message compose(MailKind kind, String recipient, Facts facts) {
        Language language = Language.of(facts.preferredLanguage());
        return language == Language.DUTCH ? dutch(kind, recipient, facts) : english(kind, recipient, facts);
    }

    private static Message dutch(MailKind kind, String recipient, Facts f) {
        String when = date(f.startsAt(), Language.DUTCH) + " om " + time(f.startsAt());
        String greeting = "Beste " + (blank(f.patientName()) ? "heer/mevrouw" : f.patientName()) + ",\n\n";
        String specialist = specialist(f, "de specialist");
        String appointment = "Wanneer:    " + date(f.startsAt(), Language.DUTCH) + ", " + time(f.startsAt()) + " - "
                + time(f.endsAt()) + " uur (Nederlandse tijd)\n"
                + "Specialist: " + specialist + "\n"
                + (f.joinUrl() == null ? "" : "Deelnemen:  " + f.joinUrl() + "\n");
        String howToJoin = """

                Open de link op het tijdstip van de afspraak op een computer, tablet of telefoon met camera, \
                microfoon en internetverbinding. De link is alleen voor u: stuur hem niet door.
                """;
        String prepare = """

                Zo bereidt u zich voor:
                - Zorg voor een rustige ruimte waar u ongestoord en vrijuit kunt praten.
                - Houd een geldig identiteitsbewijs bij de hand (paspoort, identiteitskaart of rijbewijs); de \
                specialist vraagt ernaar aan het begin van het gesprek.
                - Maak een lijst van de medicijnen die u gebruikt, met de dosering.
                - Schrijf de vragen op die u de specialist wilt stellen.

                Kunt u niet op dit tijdstip? Laat het ons dan zo snel mogelijk weten.
                """;
        String closing = "\nMet vriendelijke groet,\nConsilium\n";
        return switch (kind) {
            case INVITATION -> new Message(recipient, "Uitnodiging videoconsult op " + when,
                    greeting + "U heeft een afspraak voor een videoconsult (digitale second opinion) met een"
                            + " onafhankelijk medisch specialist.\n\n" + appointment + howToJoin + prepare + closing);
            case RESCHEDULED -> new Message(recipient, "Uw videoconsult is verplaatst naar " + when,
                    greeting + "Uw videoconsult is verplaatst. Dit is de nieuwe afspraak:\n\n" + appointment + howToJoin
                            + "De link uit eerdere e-mails werkt niet meer.\n" + prepare + closing);
            case NEW_LINK -> new Message(recipient, "Nieuwe link voor uw videoconsult op " + when,
                    greeting + "Voor uw videoconsult is een nieuwe link gemaakt. De afspraak zelf blijft zoals hij"
                            + " was:\n\n" + appointment + howToJoin + "De link uit eerdere e-mails werkt niet meer.\n"
                            + prepare + closing);
            case CANCELLED -> new Message(recipient, "Uw videoconsult op " + when + " gaat niet door",
                    greeting + "Uw videoconsult met " + specialist + " op " + when + " uur (Nederlandse tijd) gaat"
                            + " niet door. De link uit eerdere e-mails werkt niet meer.\n\n"
                            + "Wordt er een nieuwe afspraak gemaakt, dan krijgt u daarover een nieuwe e-mail. Heeft u"
                            + " vragen, neem dan contact op met uw huisarts.\n" + closing);
        };
    }

    private static Message english(MailKind kind, String recipient, Facts f) {
        String when = date(f.startsAt(), Language.ENGLISH) + " at " + time(f.startsAt()) + " (Amsterdam time)";
        String greeting = "Dear " + (blank(f.patientName()) ? "patient" : f.patientName()) + ",\n\n";
        String specialist = specialist(f, "the specialist");
        String appointment = "When:       " + date(f.startsAt(), Language.ENGLISH) + ", " + time(f.startsAt()) + " - "
                + time(f.endsAt()) + " (Amsterdam time)\n"
                + "Specialist: " + specialist + "\n"
                + (f.joinUrl() == null ? "" : "Join:       " + f.joinUrl() + "\n");
        String howToJoin = """

                Open the link at the time of the appointment on a computer, tablet or phone with a camera, a \
                microphone and an internet connection. The link is for you only: please do not forward it.
                """;
        String prepare = """

                How to prepare:
                - Find a quiet room where you can talk freely without being disturbed.
                - Have a valid proof of identity at hand (passport, identity card or driving licence); the \
                specialist will ask for it at the start.
                - Make a list of the medicines you take, with their doses.
                - Write down the questions you want to ask the specialist.

                Cannot make it at this time? Please let us know as soon as possible.
                """;
        String closing = "\nKind regards,\nConsilium\n";
        return switch (kind) {
            case INVITATION -> new Message(recipient, "Invitation: video consultation on " + when,
                    greeting + "You have an appointment for a video consultation (digital second opinion) with an"
                            + " independent medical specialist.\n\n" + appointment + howToJoin + prepare + closing);
            case RESCHEDULED -> new Message(recipient, "Your video consultation has moved to " + when,
                    greeting + "Your video consultation has moved. This is the new appointment:\n\n" + appointment
                            + howToJoin + "The link in earlier emails no longer works.\n" + prepare + closing);
            case NEW_LINK -> new Message(recipient, "New link for your video consultation on " + when,
                    greeting + "There is a new link for your video consultation. The appointment itself stays as it"
                            + " was:\n\n" + appointment + howToJoin + "The link in earlier emails no longer works.\n"
                            + prepare + closing);
            case CANCELLED -> new Message(recipient, "Your video consultation on " + when + " is cancelled",
                    greeting + "Your video consultation with " + specialist + " on " + when + " will not take"
                            + " place. The link in earlier emails no longer works.\n\n"
                            + "If a new appointment is made, you will get a new email about it. If you have"
                            + " questions, please contact your GP.\n" + closing);
        };
    }

    private static String specialist(Facts f, String fallback) {
        String name = blank(f.specialistName()) ? fallback : f.specialistName();
        return blank(f.specialty()) ? name : name + ", " + f.specialty();
    }

    static String date(Instant at, Language language) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", language.locale).format(ZonedDateTime.ofInstant(at, ZONE));
    }

    static String time(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(ZonedDateTime.ofInstant(at, ZONE));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
