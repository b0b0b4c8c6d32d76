package nl.consilium.testing;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The package layout every service follows: {@code api} and {@code messaging} (entry points, used
 * by nobody) → {@code service} (use cases) → {@code domain} (entities); {@code config} is read by
 * all three. A layer a service does not have (yet) is allowed to be missing.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** The service's production classes under {@code basePackage}, tests left out. */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** The layering rule; call {@code .check(classesOf(basePackage))}. */
    public static LayeredArchitecture layers(String basePackage) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(basePackage + ".api..")
                .layer("messaging").definedBy(basePackage + ".messaging..")
                .layer("service").definedBy(basePackage + ".service..")
                .layer("domain").definedBy(basePackage + ".domain..")
                .layer("config").definedBy(basePackage + ".config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("service", "messaging", "api");
    }
}
