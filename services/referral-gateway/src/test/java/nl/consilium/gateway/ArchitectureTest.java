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

    /** HAPI FHIR stays inside the reader (domain.document.stu3); everything else knows the document model. */
    @Test
    void onlyTheDocumentReaderKnowsHapiFhir() {
        noClasses().that().resideOutsideOfPackage("nl.consilium.gateway.domain.document.stu3..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
                .check(CLASSES);
    }

    /** The reader is the only one that reads FHIR, and it reads with HAPI, not with a JSON tree. */
    @Test
    void nobodyReadsAJsonTree() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }
}
