package nl.consilium.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import nl.consilium.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The direction of dependencies inside the service: api → service → domain; FHIR reading in one place. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ServiceArchitecture.classesOf("nl.consilium.gateway");

    @Test
    void layersDependInOneDirection() {
        ServiceArchitecture.layers("nl.consilium.gateway").check(CLASSES);
    }

    /** Issue 3 swaps the Jackson-tree reader for HAPI FHIR: only the reader may read the JSON tree. */
    @Test
    void onlyTheDocumentReaderReadsTheFhirJson() {
        noClasses().that().doNotHaveSimpleName("JsonTreeReferralDocumentReader")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }
}
