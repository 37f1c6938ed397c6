package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.count;
import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TestcontainersPostgresTest {

    @Test
    void missingTestcontainersNamesItsCoordinates() {
        assertThatThrownBy(() -> TestcontainersPostgres.start(PostgresSettings.defaults(), className -> false, DockerProbe.current()))
                .hasMessage("PostgreSQL (testcontainers) needs org.testcontainers:testcontainers-postgresql on the test classpath: add it, "
                        + "or set dbtestkit.postgresql.provider=embedded|external|local.");
    }

    @Test
    void noDockerFailsAtOnceSayingWhereItLooked(@TempDir Path home) {
        DockerProbe nowhere = new DockerProbe(Map.of("DOCKER_HOST", "unix://" + home.resolve("docker.sock")), home);

        assertThatThrownBy(() -> TestcontainersPostgres.start(PostgresSettings.defaults(), className -> true, nowhere))
                .hasMessage("PostgreSQL (testcontainers) needs a running Docker engine, and none answered at unix://"
                        + home.resolve("docker.sock") + ": start Docker (or set DOCKER_HOST), or set "
                        + "dbtestkit.postgresql.provider=embedded|external|local.");
    }

    @Test
    void theProbeLooksInTheUsualPlacesWhenDockerHostIsUnset(@TempDir Path home) {
        DockerProbe probe = new DockerProbe(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home);

        assertThat(probe.locations()).startsWith("unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock",
                "unix:///run/user/1000/podman/podman.sock");
        assertThat(probe.locations()).contains("unix://" + home.resolve(".colima/default/docker.sock"));
    }

    @Test
    void aTcpHostThatDoesNotListenDoesNotAnswer(@TempDir Path home) {
        int closedPort = ClusterFiles.freePort();

        assertThat(new DockerProbe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort), home).answers()).isFalse();
    }

    @Test
    void startsAContainerWhenDockerAnswers() throws SQLException {
        assumeTrue(DockerProbe.current().answers(), "no Docker engine answers on this machine: the Testcontainers provider is not exercised");
        PostgresServer server = (PostgresServer) PostgresProviders.start(Provider.TESTCONTAINERS, PostgresSettings.defaults());
        try (DatabaseInstance db = server.createDatabase("tc_shared");
             Connection writer = db.dataSource().getConnection();
             Connection reader = db.dataSource().getConnection()) {
            execute(writer, "CREATE TABLE posts(id INT PRIMARY KEY)", "INSERT INTO posts VALUES (1)");
            assertThat(count(reader, "posts")).isEqualTo(1);
        } finally {
            server.close();
        }
    }
}
