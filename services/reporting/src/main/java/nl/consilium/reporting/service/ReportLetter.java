package nl.consilium.reporting.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as a PDF letter to the GP (A4, Dutch): header with addressee and referral, patient
 * identification, question, findings, conclusion, recommendations, the specialist's further text,
 * the signature (who, when), and the signed addenda.
 * Uses the standard Helvetica fonts (WinAnsi): a character they cannot show becomes {@code ?}, so
 * no text makes rendering fail. Long text wraps and continues on further pages; every page has a
 * footer with the referral and the page number.
 */
final class ReportLetter {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT)
            .withZone(AMSTERDAM);
    private static final float MARGIN = 56;
    private static final float FOOTER = 36;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 1.35f;

    private ReportLetter() {
    }

    static byte[] render(ReportContent report) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document);
            writer.line("Consilium", writer.bold, 18);
            writer.line("Digitale second opinion", writer.regular, 11);
            writer.gap(10);
            writer.line("Verslag van de second opinion", writer.bold, 14);
            writer.gap(6);
            writer.field("Aan", join(report.referrerName(), report.referrerOrganisation())
                    + (report.referrerAgb() != null ? " (AGB " + report.referrerAgb() + ")" : ""));
            writer.field("Verwijzing", report.zorgDomeinNumber() != null ? report.zorgDomeinNumber() : "-");
            writer.field("Datum", date(report.signedOrCompletedAt()));

            writer.heading("Patiënt");
            writer.field("Naam", orDash(report.patientName()));
            writer.field("Geboortedatum", report.patientBirthDate() != null ? DATE.format(report.patientBirthDate()) : "-");

            writer.heading("Vraagstelling");
            writer.paragraph(orDash(report.question()));
            writer.heading("Bevindingen");
            writer.paragraph(orDash(report.findings()));
            writer.heading("Conclusie");
            writer.paragraph(report.conclusionText());
            writer.heading("Aanbevelingen");
            writer.paragraph(orDash(report.recommendations()));
            if (report.freeText() != null && !report.freeText().isBlank()) {
                writer.heading("Toelichting");
                writer.paragraph(report.freeText());
            }

            writer.heading("Ondertekening");
            writer.paragraph(orDash(report.specialistName()) + ", onafhankelijk medisch specialist"
                    + (report.specialistAgb() != null ? " (AGB " + report.specialistAgb() + ")" : ""));
            writer.paragraph("Ondertekend door " + signer(report.signedByName(), report.signedBy()) + " op "
                    + dateTime(report.signedOrCompletedAt()));
            for (ReportContent.Addendum addendum : report.addenda()) {
                writer.heading("Aanvulling " + addendum.sequence());
                writer.paragraph(orDash(addendum.text()));
                writer.paragraph("Ondertekend door " + signer(addendum.signedByName(), addendum.signedBy()) + " op "
                        + dateTime(addendum.signedAt()));
            }
            writer.gap(12);
            writer.paragraph("Dit verslag is gedeeld met toestemming van de patiënt. Vertrouwelijk medisch gegeven.",
                    writer.regular, 8.5f);
            writer.finish("Second opinion " + orDash(report.zorgDomeinNumber()));

            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Verslag second opinion " + orDash(report.zorgDomeinNumber()));
            info.setCreator("Consilium reporting");
            info.setProducer("Consilium reporting");
            if (report.signedOrCompletedAt() != null) {
                info.setCreationDate(calendar(report.signedOrCompletedAt()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the report letter", e);
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? "-" : b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }

    /** "name (account)", or whichever of the two is known. */
    private static String signer(String name, String account) {
        if (name == null || name.isBlank()) {
            return orDash(account);
        }
        return account == null || account.isBlank() ? name : name + " (" + account + ")";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String date(Instant at) {
        return at == null ? "-" : DATE.format(LocalDate.ofInstant(at, AMSTERDAM));
    }

    private static String dateTime(Instant at) {
        return at == null ? "-" : DATE_TIME.format(at);
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(AMSTERDAM));
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }

    /** Lays text out top to bottom, page after page. */
    private static final class Writer {
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private final Map<Integer, Boolean> showable = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void heading(String text) throws IOException {
            gap(8);
            line(text, bold, 12);
            gap(2);
        }

        void field(String label, String value) throws IOException {
            paragraph(label + ": " + value);
        }

        void paragraph(String text) throws IOException {
            paragraph(text, regular, BODY_SIZE);
        }

        void paragraph(String text, PDFont font, float size) throws IOException {
            for (String line : wrap(clean(text), font, size)) {
                line(line, font, size);
            }
        }

        void line(String text, PDFont font, float size) throws IOException {
            float height = size * LEADING;
            if (y - height < MARGIN + FOOTER) {
                newPage();
            }
            y -= height;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(clean(text).replace('\n', ' '));
            content.endText();
        }

        void gap(float points) {
            y -= points;
        }

        /** Closes the last page and writes every page's footer. */
        void finish(String footer) throws IOException {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream.beginText();
                    stream.setFont(regular, 8);
                    stream.newLineAtOffset(MARGIN, MARGIN - 20);
                    stream.showText(clean(footer + " - vertrouwelijk - pagina " + (i + 1) + " van " + pages));
                    stream.endText();
                }
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** The text's lines within the page width: at line breaks, between words, inside a word too long. */
        private List<String> wrap(String text, PDFont font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" +")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(rest, font, size) > width) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /**
         * The text with what the standard fonts cannot show replaced: tabs and other white space become
         * a space, other control characters go, a character without a glyph becomes {@code ?}.
         * Line breaks stay (for {@link #wrap}); {@link #line} never gets one.
         */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    out.append(' ');
                } else if (Character.isISOControl(cp)) {
                    // dropped
                } else if (showable.computeIfAbsent(cp, this::canShow)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean canShow(int codePoint) {
            try {
                regular.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
