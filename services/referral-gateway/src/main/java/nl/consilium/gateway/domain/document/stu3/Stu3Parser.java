package nl.consilium.gateway.domain.document.stu3;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.gateway.domain.document.DocumentFormat;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Turns a body into a HAPI FHIR STU3 resource: strict on syntax (well-formed UTF-8 JSON or XML, no
 * repeated JSON property, every primitive value valid for its FHIR type), forgiving on content
 * (unknown elements and extensions are ignored, without logging anything of the document).
 * Rejections say where (line and column, or the element's path) and never quote the document.
 */
final class Stu3Parser {

    /** One context for the application: creating it is expensive, using it is thread-safe. */
    private static final FhirContext FHIR = createContext();

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final Pattern XML_ROW_COL = Pattern.compile("\\[row,col]:\\[(\\d+),(\\d+)]");
    private static final Pattern XML_LINE_COLUMN = Pattern.compile("Line number = (\\d+)\\s+Column number = (\\d+)");

    private Stu3Parser() {
    }

    private static FhirContext createContext() {
        FhirContext context = FhirContext.forDstu3();
        // Resolve references ourselves, by fullUrl and by ResourceType/id: keep each resource's own id.
        context.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        return context;
    }

    /** Parses a JSON and an XML Bundle once, so that the first delivery does not pay for the context's start-up. */
    static void warmUp() {
        parse("{\"resourceType\":\"Bundle\",\"id\":\"warm-up\",\"type\":\"document\"}"
                .getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON);
        parse("<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"warm-up\"/><type value=\"document\"/></Bundle>"
                .getBytes(StandardCharsets.UTF_8), DocumentFormat.XML);
    }

    /**
     * The resource in the body.
     *
     * @throws DocumentRejected 400 {@code structure} when the body is not a readable FHIR resource,
     *         400 {@code invalid} when a primitive value is not valid for its type
     */
    static Resource parse(byte[] body, DocumentFormat format) {
        String name = format == DocumentFormat.XML ? "XML" : "JSON";
        if (body == null || body.length == 0) {
            throw DocumentRejected.invalid("structure", null,
                    "The body is empty: post a FHIR STU3 document Bundle as " + name);
        }
        String text = utf8(body, name);
        IParser parser = format == DocumentFormat.XML ? FHIR.newXmlParser() : FHIR.newJsonParser();
        QuietErrorHandler errors = new QuietErrorHandler();
        parser.setParserErrorHandler(errors);
        if (format == DocumentFormat.JSON) {
            checkJsonSyntax(text);
        }
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw DocumentRejected.invalid("structure", null, "The body is not a FHIR STU3 resource in " + name
                    + where(format, e) + ": send a Bundle whose elements are STU3 elements of the right type");
        }
        if (!(parsed instanceof Resource resource)) {
            throw DocumentRejected.invalid("structure", null, "The body is not a FHIR STU3 resource");
        }
        rejectInvalidPrimitives(resource, resource.fhirType());
        if (errors.invalidElement != null) { // a value HAPI dropped altogether (base64, for one)
            throw DocumentRejected.invalid("invalid", null, ("An element " + errors.invalidElement).strip()
                    + " has a value that is not valid for its FHIR type");
        }
        return resource;
    }

    private static String utf8(byte[] body, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DocumentRejected.invalid("structure", null, "The body must be " + name + " encoded as UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw DocumentRejected.invalid("structure", null, "The body must be " + name + " encoded as UTF-8");
        }
        return text;
    }

    /** One JSON object, nothing after it, no property twice (HAPI would silently take one of them). */
    private static void checkJsonSyntax(String text) {
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw DocumentRejected.invalid("structure", null,
                        "The body must be a JSON object: a FHIR Bundle resource");
            }
            json.skipChildren();
            if (json.nextToken() != null) {
                throw DocumentRejected.invalid("structure", null, "The body has content after the Bundle's JSON object"
                        + at(json.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                throw DocumentRejected.invalid("structure", null, "A JSON object repeats a property"
                        + at(e.getLocation()) + ": every property may occur once");
            }
            throw DocumentRejected.invalid("structure", null, "The body is not valid JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw DocumentRejected.invalid("structure", null, "The body is not valid JSON");
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Line and column of an XML parse error, from HAPI's message (which itself is not passed on). */
    private static String where(DocumentFormat format, Exception e) {
        if (format != DocumentFormat.XML || e.getMessage() == null) {
            return "";
        }
        for (Pattern pattern : List.of(XML_ROW_COL, XML_LINE_COLUMN)) {
            Matcher m = pattern.matcher(e.getMessage());
            if (m.find()) {
                return " (line " + m.group(1) + ", column " + m.group(2) + ")";
            }
        }
        return "";
    }

    /**
     * HAPI keeps a primitive it could not parse as text with a null value (and reports it to the
     * error handler with the value, which must not reach a log): find them, with their path.
     */
    private static void rejectInvalidPrimitives(Base element, String path) {
        for (Property property : element.children()) {
            List<Base> values = property.getValues();
            String name = property.getName().replace("[x]", "");
            for (int i = 0; i < values.size(); i++) {
                Base value = values.get(i);
                if (value == null) {
                    continue;
                }
                String childPath = value instanceof Resource resource ? resource.fhirType()
                        : path + "." + name + (property.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                if (value instanceof PrimitiveType<?> primitive && primitive.getValueAsString() != null
                        && primitive.getValue() == null) {
                    throw DocumentRejected.invalid("invalid", childPath, childPath + " is not a valid FHIR "
                            + primitive.fhirType() + describe(primitive.fhirType()));
                }
                rejectInvalidPrimitives(value, childPath);
            }
        }
    }

    private static String describe(String type) {
        return switch (type) {
            case "date" -> " (YYYY, YYYY-MM or YYYY-MM-DD)";
            case "dateTime" -> " (YYYY-MM-DDThh:mm:ss+zz:zz, or a date)";
            case "instant" -> " (YYYY-MM-DDThh:mm:ss+zz:zz)";
            case "boolean" -> " (true or false)";
            case "code" -> ": use one of the codes its value set allows";
            default -> "";
        };
    }

    /**
     * Forgiving where real traffic varies: unknown elements, attributes and extensions, and JSON values
     * of an unexpected kind are left to the checks that follow; nothing is logged (HAPI's own handler
     * would log values). Invalid primitive values are found afterwards, see above.
     */
    private static final class QuietErrorHandler extends ErrorHandlerAdapter {

        private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

        /** The name of the first element with an invalid value ("'data'"), or "" when the name is odd; null if none. */
        String invalidElement;

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            if (invalidElement == null) {
                String name = location == null ? null : location.getParentElementName();
                invalidElement = name != null && ELEMENT_NAME.matcher(name).matches() ? "'" + name + "'" : "";
            }
        }
    }
}
