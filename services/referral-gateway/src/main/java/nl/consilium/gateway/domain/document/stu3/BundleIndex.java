package nl.consilium.gateway.domain.document.stu3;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.consilium.gateway.domain.DocumentRejected;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** The resources of a document Bundle by {@code fullUrl} and by {@code ResourceType/id}, to resolve references. */
final class BundleIndex {

    private final Map<String, Resource> byReference = new HashMap<>();

    BundleIndex(Bundle bundle) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                throw DocumentRejected.invalid("structure", "Bundle.entry[" + i + "].resource",
                        "Every entry of a document Bundle needs a resource");
            }
            String fullUrl = entries.get(i).getFullUrl();
            if (fullUrl != null && !fullUrl.isBlank()) {
                byReference.putIfAbsent(fullUrl.strip(), resource);
            }
            String id = resource.getIdElement().getIdPart();
            if (id != null && !id.isBlank()) {
                byReference.putIfAbsent(resource.fhirType() + "/" + id, resource);
            }
        }
    }

    /** The resource a reference names, if it is in the Bundle. */
    Optional<Resource> find(String reference) {
        return reference == null ? Optional.empty() : Optional.ofNullable(byReference.get(reference.strip()));
    }

    /**
     * The resource of one of {@code types} that {@code reference} names.
     *
     * @throws DocumentRejected 400 when the reference is missing, does not resolve or names another type
     */
    Resource resolve(Reference reference, String expression, String... types) {
        String target = reference == null ? null : reference.getReference();
        if (target == null || target.isBlank()) {
            throw DocumentRejected.invalid("required", expression,
                    expression + " must reference the " + String.join(" or ", types) + " in the Bundle");
        }
        Resource resource = byReference.get(target.strip());
        if (resource == null) {
            throw DocumentRejected.invalid("structure", expression,
                    expression + " does not resolve to an entry of the Bundle (by fullUrl or ResourceType/id)");
        }
        if (!List.of(types).contains(resource.fhirType())) {
            throw DocumentRejected.invalid("structure", expression,
                    expression + " must reference a " + String.join(" or ", types));
        }
        return resource;
    }
}
