package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/** One H2 in-memory database; closing it runs {@code SHUTDOWN}, which closes its connections and discards it. */
final class H2Database implements DatabaseInstance {

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    private static final String USER = "sa";

    private final String name;
    private final OpenInstances owner;
    private final DriverDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    H2Database(String name, OpenInstances owner) {
        this.name = name;
        this.owner = owner;
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", "");
        this.dataSource = new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", properties);
    }

    @Override
    public EngineKind engine() {
        return EngineKind.H2;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return dataSource.url();
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
            LOG.debug("Dropped H2 database {}", name);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop H2 database {}: {}", name, e.getMessage());
        } finally {
            dataSource.close();
            owner.release(name);
        }
    }

    @Override
    public String toString() {
        return "H2 database " + name;
    }
}
