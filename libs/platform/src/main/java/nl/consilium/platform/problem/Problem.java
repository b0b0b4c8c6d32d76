package nl.consilium.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable ({@code urn:consilium:problem:<name>}) so that
 * clients can act on it; {@code detail} says what to fix and never repeats patient data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:consilium:problem:";

    public static Problem of(String name, String title, int status, String detail) {
        return new Problem(type(name), title, status, detail, null, List.of());
    }

    public static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }

    /** One invalid field of a request body or parameter. */
    public record FieldError(String field, String message) {
    }
}
