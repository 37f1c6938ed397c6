package com.example.features;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.DisabledOnEngine;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One class, three engines: tests that only make sense on some engines say so, and the others report them as
 * skipped with the reason. {@code -Ddbtestkit.engines=postgresql} would run the whole class on PostgreSQL only.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL})
class EngineSpecificTest {

    @Test
    @EnabledOnEngine(value = Engine.POSTGRESQL, disabledReason = "jsonb is PostgreSQL's")
    void jsonbContainment(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select '{\"tags\": [\"java\", \"sql\"]}'::jsonb @> '{\"tags\": [\"sql\"]}'")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    @DisabledOnEngine(value = Engine.SQLITE, disabledReason = "SQLite has no sequences")
    void sequences(Connection c, TestDatabase db) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create sequence order_numbers start with 100");
            try (ResultSet rs = s.executeQuery(db.engine() == Engine.H2
                    ? "select next value for order_numbers" : "select nextval('order_numbers')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(100);
            }
        }
    }

    @Test
    void foreignKeysAreEnforcedEverywhere(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table parent_rows (id integer primary key)");
            s.execute("create table child_rows (id integer primary key, parent_id integer not null references parent_rows(id))");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("insert into child_rows values (1, 42)"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
