package nl.consilium.gateway.domain.document;

/** The FHIR serialisation a document arrived in; the HTTP layer maps the request's media type to it. */
public enum DocumentFormat {
    /** {@code application/fhir+json}, {@code application/json+fhir}, {@code application/json}. */
    JSON,
    /** {@code application/fhir+xml}, {@code application/xml+fhir}. */
    XML
}
