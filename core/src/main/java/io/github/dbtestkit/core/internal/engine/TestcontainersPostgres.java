package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.PostgresSettings;

import java.util.function.Predicate;

/**
 * PostgreSQL in a Docker container started by Testcontainers ({@code org.testcontainers:testcontainers-postgresql}),
 * from {@code dbtestkit.postgresql.image}. Docker is checked with {@link DockerProbe} first, so a machine without
 * Docker fails in well under two seconds instead of waiting for Testcontainers' discovery.
 */
final class TestcontainersPostgres {

    static final String COORDINATES = "org.testcontainers:testcontainers-postgresql";
    static final String CONTAINER_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

    private TestcontainersPostgres() {
    }

    static PostgresServer start(PostgresSettings settings, Predicate<String> classPresence, DockerProbe docker) {
        if (!classPresence.test(CONTAINER_CLASS)) {
            throw new ProvisioningException("PostgreSQL (testcontainers) needs " + COORDINATES
                    + " on the test classpath: add it, or set " + PostgresSettings.PROVIDER + "=embedded|external|local.");
        }
        if (!docker.answers()) {
            throw new ProvisioningException("PostgreSQL (testcontainers) needs a running Docker engine, and none answered at "
                    + String.join(", ", docker.locations()) + ": start Docker (or set DOCKER_HOST), or set "
                    + PostgresSettings.PROVIDER + "=embedded|external|local.");
        }
        return PostgresContainer.start(settings.image());
    }
}
