package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.internal.engine.DriverDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The database connection of the commands that take {@code --url [--username U] [--password-env VAR]}: the password
 * from the environment, the driver that accepts the URL (bundled, or on {@code --classpath}), and a first connection
 * so that a wrong URL or password fails here with one message.
 */
final class JdbcConnector {

    private JdbcConnector() {
    }

    /**
     * The password from the variable {@code --password-env} names, or {@code null} without one.
     *
     * @throws CliException when the variable is not set
     */
    static String password(Function<String, String> environment, String passwordEnv) {
        if (passwordEnv == null) {
            return null;
        }
        String value = environment.apply(passwordEnv);
        if (value == null) {
            throw new CliException("The environment variable " + passwordEnv + " (from --password-env) is not set: "
                    + "export it with the database password, or drop --password-env.");
        }
        return value;
    }

    /**
     * A data source on {@code url} that has connected once.
     *
     * @throws CliException naming the URL (without credentials) when no driver accepts it or it cannot connect
     */
    static DataSource connect(String url, String username, String password, ClassLoader loader) {
        String connectUrl = FileDatabases.requireExisting(url);
        DataSource dataSource = DriverDataSource.of(driver(url, loader), connectUrl, username, password);
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        } catch (SQLException e) {
            throw new CliException("Cannot connect to " + Secrets.maskUrl(url) + ": " + e.getMessage()
                    + " — check --url, --username and --password-env, and that the database is running.", e);
        }
    }

    private static Driver driver(String url, ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                Driver driver = drivers.next();
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (ServiceConfigurationError | SQLException e) {
                // A broken driver jar on the user's class path must not hide the one that fits.
            }
        }
        throw new CliException("No JDBC driver accepts the URL " + Secrets.maskUrl(url)
                + (url.startsWith("jdbc:") ? "" : " (a JDBC URL starts with jdbc:)")
                + ": the CLI bundles H2 (jdbc:h2:), SQLite (jdbc:sqlite:) and PostgreSQL (jdbc:postgresql:); "
                + "for another database add its driver jar to --classpath.");
    }
}
