package io.github.dbtestkit.schema.internal.migration;

import org.apiguardian.api.API;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
        Optional<String> table = historyTable(connection);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        BigInteger highest = null;
        // Flyway creates the table and its columns quoted in lower case on H2 ("flyway_schema_history"), where a
        // hand-made one is upper case: the names are taken as the database spells them.
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from " + quoted(connection, table.get()))) {
            int column = versionColumn(rows);
            while (rows.next()) {
                String value = rows.getString(column);
                Matcher major = MAJOR.matcher(value == null ? "" : value.strip());
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

    private static Optional<String> historyTable(Connection connection) {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if ("flyway_schema_history".equalsIgnoreCase(name)) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the database's tables: " + e.getMessage(), e);
        }
    }

    private static String quoted(Connection connection, String name) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().strip();
        return quote + name.replace(quote, quote + quote) + quote;
    }

    private static int versionColumn(ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if ("version".equalsIgnoreCase(columns.getColumnLabel(i))) {
                return i;
            }
        }
        throw new SQLException("it has no version column");
    }
}
