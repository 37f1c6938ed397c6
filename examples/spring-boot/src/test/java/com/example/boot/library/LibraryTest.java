package com.example.boot.library;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library domain on its Flyway migrations, on every engine, read with Spring Boot's naming: the class validates
 * clean (it would fail before its first test otherwise) because junit-platform.properties says
 * {@code dbtestkit.naming=spring-boot}. The {@code {engine}} folders are what Boot calls
 * {@code spring.flyway.locations=classpath:db/migration/{vendor}}.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {Author.class, Genre.class, Book.class},
        schema = SchemaMode.MIGRATIONS, migrations = "classpath:db/migration/{engine}")
class LibraryTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:15:30Z");

    @Test
    void persistsABookWithItsAuthorGenresAndKeywordsAndFindsItByGenre(EntityManager em) {
        Book book = savedBook(em);
        em.flush();
        em.clear();

        List<Book> found = em.createQuery("select b from Book b join b.genres g where g.name = :genre", Book.class)
                .setParameter("genre", "Science fiction").getResultList();

        assertThat(found).singleElement().satisfies(b -> {
            assertThat(b.getId()).isEqualTo(book.getId());
            assertThat(b.getMainAuthor().getLastName()).isEqualTo("Le Guin");
            assertThat(b.getFormat()).isEqualTo(Format.PAPERBACK);
            assertThat(b.getPublication().getPublisherName()).isEqualTo("Ace Books");
            assertThat(b.getPublication().getPublishedOn()).isEqualTo(LocalDate.of(1969, 3, 1));
            assertThat(b.getCreatedAt()).isEqualTo(CREATED);
            assertThat(b.getGenres()).extracting(Genre::getName).containsExactlyInAnyOrder("Science fiction", "Classic");
            assertThat(b.getKeywords()).containsExactlyInAnyOrder("gethen", "winter");
        });
    }

    @Test
    void theJoinTableAndTheCollectionTableHoldTheRowsUnderBootsNames(EntityManager em, Connection connection)
            throws SQLException {
        Book book = savedBook(em);
        em.flush();

        assertThat(longs(connection, "select genres_id from book_genres where book_id = " + book.getId())).hasSize(2);
        assertThat(strings(connection, "select keywords from book_keywords where book_id = " + book.getId()))
                .containsExactlyInAnyOrder("gethen", "winter");
        assertThat(strings(connection, "select format from book")).containsExactly("PAPERBACK");
        assertThat(strings(connection, "select first_name from author")).containsExactly("Ursula");
    }

    @Test
    void countsBooksPerAuthorWithJpql(EntityManager em) {
        Book first = savedBook(em);
        em.persist(new Book("The Dispossessed", first.getMainAuthor(), Format.HARDCOVER,
                new Publication("Harper & Row", LocalDate.of(1974, 5, 1)), CREATED.plus(1, ChronoUnit.DAYS)));
        em.flush();

        Long count = em.createQuery("select count(b) from Book b where b.mainAuthor.lastName = :name"
                + " and b.publication.publishedOn < :before", Long.class)
                .setParameter("name", "Le Guin").setParameter("before", LocalDate.of(1980, 1, 1)).getSingleResult();

        assertThat(count).isEqualTo(2);
    }

    @Test
    void eachTestStartsWithoutTheRowsOfTheOthers(EntityManager em) {
        assertThat(em.createQuery("select count(b) from Book b", Long.class).getSingleResult()).isZero();
    }

    private static Book savedBook(EntityManager em) {
        Author author = new Author("Ursula", "Le Guin", LocalDate.of(1929, 10, 21));
        Genre scienceFiction = new Genre("Science fiction");
        Genre classic = new Genre("Classic");
        em.persist(author);
        em.persist(scienceFiction);
        em.persist(classic);
        Book book = new Book("The Left Hand of Darkness", author, Format.PAPERBACK,
                new Publication("Ace Books", LocalDate.of(1969, 3, 1)), CREATED);
        book.getGenres().add(scienceFiction);
        book.getGenres().add(classic);
        book.getKeywords().add("gethen");
        book.getKeywords().add("winter");
        em.persist(book);
        return book;
    }

    private static List<Long> longs(Connection connection, String sql) throws SQLException {
        List<Long> values = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
