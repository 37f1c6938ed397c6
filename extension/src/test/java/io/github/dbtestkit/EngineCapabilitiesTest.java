package io.github.dbtestkit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proof of docs/engine-capabilities.md: each {@link Feature} is run on each engine, and works exactly where the
 * feature table says the engine's version has it (and fails where it says not). Isolation NONE, because two of them
 * need transactions of their own; each test drops what it creates.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, isolation = Isolation.NONE)
class EngineCapabilitiesTest {

    @Test
    void theBundledVersionsHaveWhatTheTableSays(Connection connection, TestDatabase db) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        Set<Feature> has = EnumSet.noneOf(Feature.class);
        for (Feature feature : Feature.values()) {
            if (feature.supportedBy(db.engine(), version)) {
                has.add(feature);
            }
        }

        switch (db.engine()) {
            case H2 -> assertThat(has).containsExactlyInAnyOrder(Feature.WINDOW_FUNCTIONS, Feature.SKIP_LOCKED,
                    Feature.SEQUENCES);
            case SQLITE -> assertThat(has).containsExactlyInAnyOrder(Feature.RETURNING, Feature.JSON,
                    Feature.WINDOW_FUNCTIONS, Feature.TRANSACTIONAL_DDL);
            case POSTGRESQL -> assertThat(has).containsExactlyInAnyOrder(Feature.values());
        }
    }

    @Test
    void returning(Connection connection, TestDatabase db) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table returning_probe (id integer primary key, name varchar(10))");
            try {
                provesTheTable(Feature.RETURNING, connection, db, () ->
                        assertThat(values(connection, "insert into returning_probe values (7, 'seven') returning id"))
                                .containsExactly("7"));
            } finally {
                statement.execute("drop table returning_probe");
            }
        }
    }

    @Test
    void json(Connection connection, TestDatabase db) throws SQLException {
        String sql = switch (db.engine()) {
            case SQLITE -> "select json_extract('{\"a\": 1}', '$.a')";
            case POSTGRESQL -> "select '{\"a\": 1}'::json ->> 'a'";
            case H2 -> "select json_value('{\"a\": 1}', '$.a')"; // the SQL standard's function, which H2 lacks
        };
        provesTheTable(Feature.JSON, connection, db, () -> assertThat(values(connection, sql)).containsExactly("1"));
    }

    @Test
    void windowFunctions(Connection connection, TestDatabase db) throws SQLException {
        provesTheTable(Feature.WINDOW_FUNCTIONS, connection, db, () -> assertThat(values(connection,
                "select row_number() over (order by n desc) from (select 10 as n union all select 20) numbers order by n"))
                .containsExactly("2", "1"));
    }

    @Test
    void skipLocked(Connection connection, TestDatabase db) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table skip_probe (id integer primary key)");
            statement.execute("insert into skip_probe values (1)");
            statement.execute("insert into skip_probe values (2)");
            try {
                provesTheTable(Feature.SKIP_LOCKED, connection, db, () -> {
                    DataSource dataSource = db.dataSource();
                    try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                        first.setAutoCommit(false);
                        second.setAutoCommit(false);
                        assertThat(values(first, "select id from skip_probe where id = 1 for update")).containsExactly("1");
                        assertThat(values(second, "select id from skip_probe order by id for update skip locked"))
                                .containsExactly("2");
                        first.rollback();
                        second.rollback();
                    }
                });
            } finally {
                statement.execute("drop table skip_probe");
            }
        }
    }

    @Test
    void sequences(Connection connection, TestDatabase db) throws SQLException {
        String next = db.engine() == Engine.H2 ? "select next value for probe_numbers" : "select nextval('probe_numbers')";
        provesTheTable(Feature.SEQUENCES, connection, db, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create sequence probe_numbers start with 100");
                try {
                    assertThat(values(connection, next)).containsExactly("100");
                } finally {
                    statement.execute("drop sequence probe_numbers");
                }
            }
        });
    }

    @Test
    void transactionalDdl(Connection connection, TestDatabase db) throws SQLException {
        try {
            provesTheTable(Feature.TRANSACTIONAL_DDL, connection, db, () -> {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create table ddl_probe (id integer)");
                }
                connection.rollback();
                connection.setAutoCommit(true);
                assertThat(tableExists(connection, "ddl_probe")).as("ddl_probe after the rollback").isFalse();
            });
        } finally {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists ddl_probe");
            }
        }
    }

    /** Runs {@code feature}'s statements where the table says this engine's version has it; elsewhere, they fail. */
    private static void provesTheTable(Feature feature, Connection connection, TestDatabase db, ThrowingCallable use)
            throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        if (feature.supportedBy(db.engine(), version)) {
            try {
                use.call();
            } catch (Throwable e) {
                throw new AssertionError(feature + " on " + db.engine().id() + " " + version + ": " + e.getMessage(), e);
            }
        } else {
            assertThatThrownBy(use).as(feature + " on " + db.engine().id() + " " + version)
                    .isInstanceOfAny(SQLException.class, AssertionError.class);
        }
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static boolean tableExists(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
