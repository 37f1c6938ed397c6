package io.github.dbtestkit.schema.internal.migration;

import org.apiguardian.api.API;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a new Flyway migration should take: one above the highest major version recorded in the database's
 * {@code flyway_schema_history} ({@code 2.1} and {@code 2} both give {@code 3}), when there is such a table.
 *
 * <pre>{@code
 * Optional<String> next = FlywayHistory.nextVersion(connection);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FlywayHistory {

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");

    private FlywayHistory() {
    }

    /** One above the highest recorded version, or empty when the database has no Flyway history (or no version in it). */
    public static Optional<String> nextVersion(Connection connection) {
        if (!hasHistory(connection)) {
            return Optional.empty();
        }
        BigInteger highest = null;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version from flyway_schema_history where version is not null")) {
            while (rows.next()) {
                Matcher major = MAJOR.matcher(rows.getString(1).strip());
                if (major.find()) {
                    BigInteger version = new BigInteger(major.group(1));
                    highest = highest == null || version.compareTo(highest) > 0 ? version : highest;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read flyway_schema_history to number the migration: "
                    + e.getMessage() + " — give the version explicitly (--version, withVersion(...)).", e);
        }
        return highest == null ? Optional.empty() : Optional.of(highest.add(BigInteger.ONE).toString());
    }

    private static boolean hasHistory(Connection connection) {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("flyway_schema_history".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the database's tables: " + e.getMessage(), e);
        }
    }
}
