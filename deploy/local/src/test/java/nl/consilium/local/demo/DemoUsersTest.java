package nl.consilium.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

    /** Surefire runs in deploy/local. */
    private static final Path REALM = Path.of("../keycloak/realm-consilium.json");

    @Test
    void theBuiltInTableMatchesTheRealmFile() {
        assertThat(REALM).exists();
        DemoUsers fromRealm = DemoUsers.load(REALM);
        DemoUsers builtIn = DemoUsers.builtIn();

        assertThat(fromRealm.all()).containsExactlyInAnyOrderElementsOf(builtIn.all());
        assertThat(fromRealm.sameUsersAs(builtIn)).isTrue();
        assertThat(fromRealm.source()).endsWith("realm-consilium.json");
    }

    @Test
    void theRealmFileIsFoundFromTheClassesFolder() {
        assertThat(DemoUsers.locateRealmFile()).hasValueSatisfying(p -> assertThat(Files.isRegularFile(p)).isTrue());
        assertThat(DemoUsers.loadOrBuiltIn(null).source()).endsWith("realm-consilium.json");
        assertThat(DemoUsers.loadOrBuiltIn(Path.of("no/such/realm.json")).sameUsersAs(DemoUsers.builtIn())).isTrue();
    }

    @Test
    void specialistsAndGpsAreFoundByAgb() {
        DemoUsers users = DemoUsers.load(REALM);

        assertThat(users.specialistByAgb("03111111").username()).isEqualTo("specialist.smit");
        assertThat(users.specialistByAgb("03222222").username()).isEqualTo("specialist.mulder");
        assertThat(users.specialistByAgb("03333333").specialty()).isEqualTo("orthopaedics");
        assertThat(users.gpByAgb(DemoUsers.GP_JANSEN_AGB).username()).isEqualTo(DemoUsers.GP_JANSEN);
        assertThat(users.byAgb("01123456", "specialist")).isEmpty();
        assertThatThrownBy(() -> users.specialistByAgb("03999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("03999999");
        assertThat(users.require(DemoUsers.NURSE_BAKKER).hasRole("nurse")).isTrue();
        assertThat(users.require(DemoUsers.COORDINATOR_PETERS).hasRole("coordinator")).isTrue();
        assertThat(users.byUsername("service-account-zorgdomein-simulator")).isEmpty();
    }
}
