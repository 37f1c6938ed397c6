package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** One H2 in-memory database; closing it runs {@code SHUTDOWN}, which closes its connections and discards it. */
final class H2Database extends DriverDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    private static final String USER = "sa";

    private final OpenInstances owner;

    H2Database(String name, OpenInstances owner) {
        super(EngineKind.H2, name, new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                credentials()), USER, "");
        this.owner = owner;
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", "");
        return properties;
    }

    @Override
    void drop() {
        try (Connection connection = driverDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
            LOG.debug("Dropped H2 database {}", name());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop H2 database {}: {}", name(), e.getMessage());
        } finally {
            driverDataSource().close();
            owner.release(name());
        }
    }
}
