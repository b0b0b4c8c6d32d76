package nl.consilium.scheduling;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies inside the service: api and messaging → service → domain. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.consilium.scheduling");

    @Test
    void layersDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..scheduling.api..")
                .layer("messaging").definedBy("..scheduling.messaging..")
                .layer("service").definedBy("..scheduling.service..")
                .layer("domain").definedBy("..scheduling.domain..")
                .layer("config").definedBy("..scheduling.config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("service", "messaging", "api")
                .check(CLASSES);
    }
}
