package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The only class that touches Testcontainers' types, loaded once {@link TestcontainersPostgres} has checked that
 * they are on the classpath.
 */
final class PostgresContainer {

    private PostgresContainer() {
    }

    static PostgresServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        container.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new ProvisioningException("PostgreSQL (testcontainers) did not start from image " + image + ": " + e.getMessage(), e);
        }
        String url = container.getJdbcUrl();
        return PostgresServer.connect(Provider.TESTCONTAINERS, url, container.getUsername(), container.getPassword(),
                name -> ExternalPostgres.withDatabase(url, name), container::stop);
    }
}
