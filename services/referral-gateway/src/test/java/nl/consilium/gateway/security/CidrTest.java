package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Trusted proxy ranges. */
class CidrTest {

    @Test
    void ipv4Ranges() {
        Cidr cidr = Cidr.parse("10.42.0.0/16");
        assertThat(cidr.contains("10.42.7.1")).isTrue();
        assertThat(cidr.contains("10.43.0.1")).isFalse();
        assertThat(Cidr.parse("192.168.1.128/25").contains("192.168.1.200")).isTrue();
        assertThat(Cidr.parse("192.168.1.128/25").contains("192.168.1.127")).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains("127.0.0.1")).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains("127.0.0.2")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    }

    @Test
    void ipv6RangesAndMappedAddresses() {
        assertThat(Cidr.parse("::1/128").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains("fd12:3456::1")).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains("fe80::1")).isFalse();
        assertThat(Cidr.parse("127.0.0.0/8").contains("::ffff:127.0.0.1")).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains("::1")).as("other family").isFalse();
    }

    @Test
    void hostNamesAndNonsenseAreNeverAddresses() {
        assertThat(Cidr.parse("10.0.0.0/8").contains("localhost")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(null)).isFalse();
        assertThatThrownBy(() -> Cidr.parse("example.org/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
