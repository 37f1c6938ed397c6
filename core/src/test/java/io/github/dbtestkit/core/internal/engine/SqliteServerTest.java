package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.count;
import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteServerTest {

    private static SqliteServer server;

    @BeforeAll
    static void start() {
        server = SqliteServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reportsTheLibraryVersion() {
        assertThat(server.version()).matches("3\\.\\d+\\.\\d+");
    }

    @Test
    void twoConnectionsFromTheDataSourceSeeTheSameData() throws SQLException {
        try (DatabaseInstance db = server.createDatabase("sqlite_shared");
             Connection writer = db.dataSource().getConnection();
             Connection reader = db.dataSource().getConnection()) {
            execute(writer, "CREATE TABLE posts(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO posts VALUES (1, 'hello')");

            assertThat(count(reader, "posts")).isEqualTo(1);
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:sqlite:file:sqlite_shared?mode=memory&cache=shared");
        }
    }

    @Test
    void foreignKeysAreEnforcedOnEveryConnection() throws SQLException {
        try (DatabaseInstance db = server.createDatabase("sqlite_fk")) {
            try (Connection first = db.dataSource().getConnection()) {
                execute(first, "CREATE TABLE posts(id INTEGER PRIMARY KEY)",
                        "CREATE TABLE comments(id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id))");
            }
            try (Connection second = db.dataSource().getConnection()) {
                assertThat(pragma(second, "foreign_keys")).isEqualTo(1);
                assertThatThrownBy(() -> execute(second, "INSERT INTO comments VALUES (1, 99)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("FOREIGN KEY constraint failed");
            }
        }
    }

    @Test
    void closeDropsTheDatabase() throws SQLException {
        DatabaseInstance db = server.createDatabase("sqlite_dropped");
        Connection open = db.dataSource().getConnection();
        execute(open, "CREATE TABLE posts(id INTEGER PRIMARY KEY)");

        db.close();

        assertThat(open.isClosed()).isTrue();
        try (DatabaseInstance again = server.createDatabase("sqlite_dropped"); Connection fresh = again.dataSource().getConnection()) {
            assertThat(count(fresh, "sqlite_master")).isZero();
        }
    }

    @Test
    void cloneCopiesSchemaAndDataAndKeepsForeignKeysOn() throws SQLException {
        try (DatabaseInstance template = server.createDatabase("sqlite_template")) {
            try (Connection c = template.dataSource().getConnection()) {
                execute(c, "CREATE TABLE posts(id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)",
                        "CREATE TABLE comments(id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id))",
                        "INSERT INTO posts(body) VALUES ('first')", "INSERT INTO comments VALUES (1, 1)");
            }

            try (DatabaseInstance copy = server.cloneDatabase(template, "sqlite_copy"); Connection c = copy.dataSource().getConnection()) {
                execute(c, "INSERT INTO posts(body) VALUES ('second')");

                assertThat(count(c, "posts")).isEqualTo(2);
                assertThat(count(c, "comments")).isEqualTo(1);
                assertThatThrownBy(() -> execute(c, "INSERT INTO comments VALUES (2, 99)")).isInstanceOf(SQLException.class);
            }
            try (Connection c = template.dataSource().getConnection()) {
                assertThat(count(c, "posts")).isEqualTo(1);
            }
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
