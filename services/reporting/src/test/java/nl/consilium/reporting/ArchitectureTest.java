package nl.consilium.reporting;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies inside the service: api and messaging → service → domain. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.consilium.reporting");

    @Test
    void layersDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..reporting.api..")
                .layer("messaging").definedBy("..reporting.messaging..")
                .layer("service").definedBy("..reporting.service..")
                .layer("domain").definedBy("..reporting.domain..")
                .layer("config").definedBy("..reporting.config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("service", "messaging", "api")
                .check(CLASSES);
    }
}
