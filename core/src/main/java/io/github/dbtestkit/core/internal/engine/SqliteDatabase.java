package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One SQLite shared-cache memory database. A keep-alive connection holds it: SQLite discards a memory database when
 * its last connection closes, so closing the keep-alive (and any connection still open) drops it.
 */
final class SqliteDatabase extends DriverDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** How sqlite-jdbc writes and reads {@code DATE}/{@code TIMESTAMP} values bound as JDBC dates and timestamps. */
    static final String DATE_STRING_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";
    private final OpenInstances owner;
    private final Connection keepAlive;

    private SqliteDatabase(String name, OpenInstances owner, DriverDataSource dataSource, Connection keepAlive) {
        super(EngineKind.SQLITE, name, dataSource, "", "");
        this.owner = owner;
        this.keepAlive = keepAlive;
    }

    static SqliteDatabase open(String name, OpenInstances owner) throws SQLException {
        Properties properties = new Properties();
        // sqlite-jdbc applies pragmas given as connection properties to every connection it opens.
        properties.setProperty("foreign_keys", "true");
        // Dates and timestamps bound through JDBC are stored as ISO text, like the literals of seed scripts and what
        // SQLite's date functions return, so the two compare and sort together (sqlite-jdbc's default is epoch
        // milliseconds). The format is sqlite-jdbc's default one, spelled out: it is also how TEXT values are read.
        properties.setProperty("date_class", "TEXT");
        properties.setProperty("date_string_format", DATE_STRING_FORMAT);
        DriverDataSource dataSource = new DriverDataSource(JdbcDriver.SQLITE, "jdbc:sqlite:" + uri(name), properties);
        return new SqliteDatabase(name, owner, dataSource, dataSource.getConnection());
    }

    static String uri(String name) {
        return "file:" + name + "?mode=memory&cache=shared";
    }

    void restoreFrom(String sourceUri) throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.executeUpdate("restore from '" + sourceUri + "'");
        }
    }

    @Override
    void drop() {
        driverDataSource().close();
        owner.release(name());
        LOG.debug("Dropped SQLite database {}", name());
    }
}
