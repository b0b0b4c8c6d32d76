package nl.consilium.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies inside the service: api → service → domain; FHIR reading in one place. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.consilium.gateway");

    @Test
    void layersDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..gateway.api..")
                .layer("service").definedBy("..gateway.service..")
                .layer("domain").definedBy("..gateway.domain..")
                .layer("config").definedBy("..gateway.config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("service", "api")
                .check(CLASSES);
    }

    /** Issue 3 swaps the Jackson-tree reader for HAPI FHIR: only the reader may read the JSON tree. */
    @Test
    void onlyTheDocumentReaderReadsTheFhirJson() {
        noClasses().that().doNotHaveSimpleName("JsonTreeReferralDocumentReader")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }
}
