package com.example.gallery;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Hibernate's create_all and its type mappings give on each engine, for the same two entities; see
 * docs/gallery.md.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Shelf.class, Book.class},
        schema = SchemaMode.CREATE_ALL)
class HibernateMappingTest {

    private static final LocalDateTime NANOS = LocalDateTime.of(2024, 1, 31, 10, 0, 0, 123_456_789);

    @Test
    void createAllDeclaresNoForeignKeyOnSqlite(Connection connection, TestDatabase db) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getImportedKeys(null, null,
                db.engine() == Engine.H2 ? "BOOKS" : "books")) {
            while (rows.next()) {
                keys.add(rows.getString("FKCOLUMN_NAME").toLowerCase() + " -> " + rows.getString("PKTABLE_NAME").toLowerCase());
            }
        }

        assertThat(keys).isEqualTo(db.engine() == Engine.SQLITE ? List.of() : List.of("shelf_id -> shelves"));
    }

    @Test
    void soSqliteAcceptsABookOnAShelfThatDoesNotExist(Connection connection, TestDatabase db) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String orphan = "insert into books (id, shelf_id) values (2, 42)";
            if (db.engine() == Engine.SQLITE) {
                assertThat(statement.executeUpdate(orphan)).isEqualTo(1);
            } else {
                assertThatThrownBy(() -> statement.executeUpdate(orphan)).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo(db.engine() == Engine.H2 ? "23506" : "23503");
            }
        }
    }

    @Test
    void timestampsKeepMicrosecondsRoundedOnH2AndPostgresqlAndMillisecondsOnSqlite(EntityManager em, TestDatabase db) {
        Shelf shelf = new Shelf(1L, "fiction");
        em.persist(shelf);
        em.persist(new Book(1L, shelf, NANOS));
        em.flush();
        em.clear();

        LocalDateTime read = em.find(Book.class, 1L).getShelvedAt();

        assertThat(read).isEqualTo(db.engine() == Engine.SQLITE
                ? NANOS.withNano(123_000_000)   // Hibernate writes text with milliseconds
                : NANOS.withNano(123_457_000)); // timestamp(6), rounded half up
    }

    @Test
    void sqliteKeepsTheTimestampAsText(Connection connection, EntityManager em, TestDatabase db) throws SQLException {
        Shelf shelf = new Shelf(1L, "fiction");
        em.persist(shelf);
        em.persist(new Book(1L, shelf, NANOS));
        em.flush();

        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select shelved_at from books")) {
            rows.next();
            Object stored = rows.getObject(1);
            if (db.engine() == Engine.SQLITE) {
                assertThat(stored).isEqualTo("2024-01-31 10:00:00.123");
            } else {
                assertThat(stored).isEqualTo(java.sql.Timestamp.valueOf("2024-01-31 10:00:00.123457"));
            }
        }
    }
}
