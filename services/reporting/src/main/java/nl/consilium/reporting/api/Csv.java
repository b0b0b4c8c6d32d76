package nl.consilium.reporting.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line
 * break; numbers with a decimal point; an unknown value is an empty field.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    /** A row of fields; null fields are empty. */
    Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
