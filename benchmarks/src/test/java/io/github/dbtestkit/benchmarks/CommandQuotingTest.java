package io.github.dbtestkit.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The command written into RESULTS.md can be pasted back into a shell. */
class CommandQuotingTest {

    @Test
    void aBenchPropertyWithSpacesIsQuotedAgain() {
        Properties properties = new Properties();
        properties.setProperty("bench.conditions", "a quiet machine, nobody's build");
        properties.setProperty("bench.jvms", "5");
        properties.setProperty("user.dir", "/home/a b");

        String shown = Main.requote("-B -pl benchmarks -Pbench verify -Dbench.jvms=5"
                + " -Dbench.conditions=a quiet machine, nobody's build", properties);

        assertThat(shown).isEqualTo("-B -pl benchmarks -Pbench verify -Dbench.jvms=5"
                + " '-Dbench.conditions=a quiet machine, nobody'\\''s build'");
    }

    @Test
    void argumentsWithoutSpacesStayAsTyped() {
        Properties properties = new Properties();
        properties.setProperty("bench.only", "warm-start");
        assertThat(Main.requote("-Pbench verify -Dbench.only=warm-start", properties))
                .isEqualTo("-Pbench verify -Dbench.only=warm-start");
    }
}
