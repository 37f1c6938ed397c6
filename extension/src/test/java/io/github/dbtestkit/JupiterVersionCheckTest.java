package io.github.dbtestkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** JUnit Jupiter older than 5.14 gets a message naming the version to use, not a NoClassDefFoundError. */
class JupiterVersionCheckTest {

    @Test
    void jupiterWithoutClassTemplateIsToldToUpgrade() {
        assertThat(JupiterVersionCheck.problem("5.12.2", "5.12.2", false)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("dbtestkit needs JUnit Jupiter 5.14 or later, but found junit-jupiter-api 5.12.2:")
                .contains("@ClassTemplate")
                .contains("org.junit:junit-bom:5.14.4")
                .contains("junit-jupiter.version=5.14.4"));
    }

    @Test
    void jupiter513HasClassTemplateButIsStillBelowTheMinimum() {
        assertThat(JupiterVersionCheck.problem("5.13.4", "5.13.4", true)).hasValueSatisfying(message -> assertThat(message)
                .contains("found junit-jupiter-api 5.13.4"));
    }

    @Test
    void anOldEngineUnderANewApiIsNamed() {
        assertThat(JupiterVersionCheck.problem("5.14.4", "5.11.4", true)).hasValueSatisfying(message -> assertThat(message)
                .contains("found junit-jupiter-engine 5.11.4"));
    }

    @Test
    void supportedVersionsPass() {
        assertThat(JupiterVersionCheck.problem("5.14.0", "5.14.0", true)).isEmpty();
        assertThat(JupiterVersionCheck.problem("5.14.4", "5.14.4", true)).isEmpty();
        assertThat(JupiterVersionCheck.problem("6.0.3", "6.0.3", true)).isEmpty();
        assertThat(JupiterVersionCheck.problem("6.1.0-M1", null, true)).isEmpty();
    }

    @Test
    void withoutVersionsTheClassDecides() {
        assertThat(JupiterVersionCheck.problem(null, null, true)).isEmpty();
        assertThat(JupiterVersionCheck.problem(null, null, false)).hasValueSatisfying(message -> assertThat(message)
                .contains("found a junit-jupiter-api without org.junit.jupiter.api.ClassTemplate"));
        assertThat(JupiterVersionCheck.problem("unknown", "", false)).hasValueSatisfying(message -> assertThat(message)
                .contains("found junit-jupiter-api unknown without org.junit.jupiter.api.ClassTemplate"));
    }

    @Test
    void versionsAreComparedByMajorAndMinor() {
        assertThat(JupiterVersionCheck.isTooOld("5.9.3")).isTrue();
        assertThat(JupiterVersionCheck.isTooOld("5.13.4")).isTrue();
        assertThat(JupiterVersionCheck.isTooOld("4.13")).isTrue();
        assertThat(JupiterVersionCheck.isTooOld("5.14.0-RC1")).isFalse();
        assertThat(JupiterVersionCheck.isTooOld("5.100.0")).isFalse();
        assertThat(JupiterVersionCheck.isTooOld("6.0.0")).isFalse();
        assertThat(JupiterVersionCheck.isTooOld(null)).isFalse();
        assertThat(JupiterVersionCheck.isTooOld("snapshot")).isFalse();
    }

    @Test
    void theJUnitThisBuildRunsOnPasses() {
        assertThatCode(JupiterVersionCheck::new).doesNotThrowAnyException();
    }

    @Test
    void theCheckIsTheFirstExtensionOfDatabaseTest() {
        var extensions = DatabaseTest.class.getAnnotationsByType(org.junit.jupiter.api.extension.ExtendWith.class);

        assertThat(extensions).extracting(extendWith -> extendWith.value()[0])
                .containsExactly(JupiterVersionCheck.class, DatabaseTestExtension.class);
    }
}
