package nl.consilium.reporting;


import com.tngtech.archunit.core.domain.JavaClasses;
import nl.consilium.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The direction of dependencies inside the service: api and messaging → service → domain. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ServiceArchitecture.classesOf("nl.consilium.reporting");

    @Test
    void layersDependInOneDirection() {
        ServiceArchitecture.layers("nl.consilium.reporting").check(CLASSES);
    }
}
