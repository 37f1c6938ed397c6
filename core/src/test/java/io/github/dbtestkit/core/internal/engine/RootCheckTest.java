package io.github.dbtestkit.core.internal.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootCheckTest {

    @Test
    void rootRunsTheBinariesInAUserNamespace() {
        assertThat(new RootCheck(true, Optional.of(Path.of("/usr/bin/unshare"))).commandPrefix("PostgreSQL (embedded)"))
                .containsExactly("/usr/bin/unshare", "-U");
    }

    @Test
    void otherUsersRunThemDirectly() {
        assertThat(new RootCheck(false, Optional.empty()).commandPrefix("PostgreSQL (embedded)")).isEmpty();
    }

    @Test
    void rootWithoutUnshareIsToldWhatToDo() {
        assertThatThrownBy(() -> new RootCheck(true, Optional.empty()).commandPrefix("PostgreSQL (local) 15.4"))
                .hasMessage("PostgreSQL (local) 15.4 cannot run as root, and unshare (util-linux), which dbtestkit uses to run it as an "
                        + "unprivileged user, is not on the PATH: install util-linux, run the tests as a non-root user, or set "
                        + "dbtestkit.postgresql.provider=testcontainers|external.");
    }

    @Test
    void versionsArePinnedByMajorOrExactly() {
        assertThat(PostgresVersion.parse("postgres (PostgreSQL) 15.14 (Debian 15.14-1.pgdg120+1)")).hasValue("15.14");
        assertThat(PostgresVersion.matches("15.14", "15")).isTrue();
        assertThat(PostgresVersion.matches("15.14", "15.14")).isTrue();
        assertThat(PostgresVersion.matches("15.14", "1")).isFalse();
        assertThat(PostgresVersion.matches("15.14", "15.1")).isFalse();
    }
}
