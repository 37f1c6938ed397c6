package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.internal.isolation.RoutingDataSource;
import io.github.dbtestkit.internal.isolation.TestTransaction;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test's own copy of a prepared database under {@code dbtestkit.keep-failed=true}: dropped when the test passes,
 * kept when it fails. Under {@code ROLLBACK} the test's transaction runs on the copy, and a failed test's transaction is
 * committed there instead of rolled back (the copy is the test's alone, so committing harms no other test); under
 * {@code FRESH_DATABASE} the copy is the test's database already. See {@code docs/design/keep-failed.md}.
 *
 * <pre>{@code
 * TestCopy copy = prepared.copyForTest(true); ... failed ? copy.keep("OrderTest#pays", dir) : copy.close();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestCopy implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    private final Engine engine;
    private final Provider provider;
    private final DatabaseInstance copy;
    private final RoutingDataSource routing;
    private final DataSource target;
    private final TestTransaction transaction;
    private boolean ended;

    TestCopy(Engine engine, Provider provider, DatabaseInstance copy, RoutingDataSource routing, TestTransaction transaction) {
        this.engine = engine;
        this.provider = provider;
        this.copy = copy;
        this.routing = routing;
        this.target = copy.dataSource();
        this.transaction = transaction;
    }

    /** The test's transaction on the copy under {@code ROLLBACK}; {@code null} under {@code FRESH_DATABASE}. */
    public TestTransaction transaction() {
        return transaction;
    }

    /** The test passed: rolls back its transaction and drops the copy. */
    @Override
    public void close() throws SQLException {
        if (ended) {
            return;
        }
        ended = true;
        try {
            if (transaction != null) {
                transaction.close();
            }
        } finally {
            routing.leaveCopy(target);
            copy.close();
        }
    }

    /**
     * The test failed: commits its transaction into the copy and keeps the copy, on PostgreSQL as a database of the
     * server, on H2 and SQLite as a file under {@code keptDir} (their in-memory copies end with the JVM).
     *
     * @return what was kept and how to open it, for the log and the test's report entry; never a password
     */
    public String keep(String test, Path keptDir) throws SQLException {
        if (ended) {
            return "";
        }
        ended = true;
        try {
            if (transaction != null) {
                transaction.commitAndClose();
            }
        } finally {
            routing.leaveCopy(target);
        }
        String kept = "dbtestkit kept the database of the failed test " + test + " on " + engine.displayName() + ": ";
        try {
            return switch (engine) {
                case POSTGRESQL -> {
                    copy.keep();
                    yield kept + Secrets.maskUrl(copy.jdbcUrl()) + postgresHowTo();
                }
                case H2 -> kept + toH2File(keptDir.resolve(fileName(test)));
                case SQLITE -> kept + toSqliteFile(keptDir.resolve(fileName(test) + ".db"));
            };
        } finally {
            if (engine != Engine.POSTGRESQL) {
                copy.close();
            }
        }
    }

    private String postgresHowTo() {
        Matcher m = POSTGRES_URL.matcher(copy.jdbcUrl());
        String psql = m.matches()
                ? "psql -h " + m.group(1) + " -p " + (m.group(2) == null ? "5432" : m.group(2))
                  + (copy.username().isEmpty() ? "" : " -U " + copy.username()) + " " + m.group(3)
                : "psql";
        if (provider == Provider.EXTERNAL) {
            return ". Open it with: " + psql + " (the password is dbtestkit.postgresql.password). It stays on the server"
                    + " until you drop it: DROP DATABASE " + copy.name() + ";";
        }
        return ". Open it with: " + psql + " while this run lasts: the " + provider + " server and its data are deleted"
                + " when the run ends (pause the run, e.g. at a breakpoint, to look). To keep it after the run, run against"
                + " a server of your own (dbtestkit.postgresql.url).";
    }

    private String toH2File(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath();
        Path script = absolute.resolveSibling(absolute.getFileName() + ".sql");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(absolute.resolveSibling(absolute.getFileName() + ".mv.db"));
        } catch (IOException e) {
            throw new SQLException("Cannot write the kept database to " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "'");
        }
        String url = "jdbc:h2:file:" + absolute;
        try (Connection kept = DriverManager.getConnection(url, "sa", ""); Statement s = kept.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "'");
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // only a leftover script next to the kept file
            }
        }
        return absolute + ".mv.db. Open it with the URL " + url + " (user sa, no password), e.g. in H2's console or"
                + " java -cp h2.jar org.h2.tools.Shell -url " + url + " -user sa";
    }

    private String toSqliteFile(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(absolute);
        } catch (IOException e) {
            throw new SQLException("Cannot write the kept database to " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("backup to '" + absolute.toString().replace("'", "''") + "'");
        }
        return absolute + ". Open it with: sqlite3 " + absolute;
    }

    /** {@code OrderTest-pays-h2}: the test's name, safe as a file name. */
    private String fileName(String test) {
        return test.replaceAll("[^A-Za-z0-9_.-]+", "-") + "-" + engine.id();
    }
}
