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
 * The database named by {@code --url}, {@code --username} and {@code --password-env}: the password from the
 * environment, the driver from the CLI's jar or the user's {@code --classpath}, and a first connection to prove it.
 *
 * <pre>{@code
 * String password = UserDatabase.password(System::getenv, "DB_PASSWORD");
 * DataSource ds = UserDatabase.connect(loader, url, "app", password);
 * }</pre>
 */
final class UserDatabase {

    private UserDatabase() {
    }

    /** The password held by the variable {@code passwordEnv}, or {@code null} when none is named. */
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

    /** A data source that has connected once; H2 and SQLite file URLs must name existing files. */
    static DataSource connect(ClassLoader loader, String url, String username, String password) {
        String connectUrl = FileDatabases.requireExisting(url);
        DataSource dataSource = DriverDataSource.of(driver(loader, url), connectUrl, username, password);
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        } catch (SQLException e) {
            throw new CliException("Cannot connect to " + Secrets.maskUrl(url) + ": " + e.getMessage()
                    + " — check --url, --username and --password-env, and that the database is running.", e);
        }
    }

    private static Driver driver(ClassLoader loader, String url) {
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
