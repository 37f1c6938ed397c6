package io.github.dbtestkit;

import io.github.dbtestkit.datetime.Event;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and timestamps written as ISO literals by a seed script and those written through JPA read back the same, and
 * compare with each other, on every engine (issue 13: sqlite-jdbc failed with "Error parsing date" on '2000-09-07').
 */
class DateTimeValuesTest {

    @DatabaseTest(engines = {Engine.SQLITE, Engine.H2}, entities = Event.class)
    @Sql("sql/event-dates.sql")
    static class Dates {

        @Test
        void isoLiteralsFromASeedScriptAreReadThroughJpa(EntityManager em) {
            Event seeded = em.find(Event.class, 1L);

            assertThat(seeded.getDay()).isEqualTo(LocalDate.of(2000, 9, 7));
            assertThat(seeded.getHappenedAt()).isEqualTo(LocalDateTime.of(2000, 9, 7, 10, 15, 30));
            assertThat(em.find(Event.class, 2L).getHappenedAt()).isEqualTo(LocalDateTime.of(2000, 9, 8, 8, 0, 0, 250_000_000));
        }

        @Test
        void valuesWrittenThroughJpaReadBackUnchanged(EntityManager em) {
            Instant recorded = Instant.parse("2001-02-03T04:05:06.789Z");
            em.persist(new Event(3L, LocalDate.of(2001, 2, 3), LocalDateTime.of(2001, 2, 3, 4, 5, 6, 789_000_000), recorded));
            em.flush();
            em.clear();

            Event read = em.find(Event.class, 3L);

            assertThat(read.getDay()).isEqualTo(LocalDate.of(2001, 2, 3));
            assertThat(read.getHappenedAt()).isEqualTo(LocalDateTime.of(2001, 2, 3, 4, 5, 6, 789_000_000));
            assertThat(read.getRecordedAt()).isEqualTo(recorded);
        }

        @Test
        void queryParametersCompareWithSeededAndWrittenValues(EntityManager em) {
            em.persist(new Event(3L, LocalDate.of(2000, 9, 7), LocalDateTime.of(2000, 9, 7, 12, 0), null));
            em.flush();

            assertThat(em.createQuery("select e.id from Event e where e.day = :day order by e.id", Long.class)
                    .setParameter("day", LocalDate.of(2000, 9, 7)).getResultList()).containsExactly(1L, 3L);
            assertThat(em.createQuery("select e.id from Event e where e.happenedAt > :t order by e.happenedAt", Long.class)
                    .setParameter("t", LocalDateTime.of(2000, 9, 7, 11, 0)).getResultList()).containsExactly(3L, 2L);
        }

        @Test
        @EnabledOnEngine(Engine.SQLITE)
        void sqliteStoresWhatJpaWritesAsIsoText(EntityManager em, Connection connection) throws SQLException {
            em.persist(new Event(3L, LocalDate.of(2001, 2, 3), LocalDateTime.of(2001, 2, 3, 4, 5, 6, 789_000_000),
                    Instant.parse("2001-02-03T04:05:06.789Z")));
            em.flush();

            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT typeof(event_day), event_day, typeof(happened_at), happened_at,"
                         + " date(event_day), typeof(recorded_at), recorded_at FROM events WHERE id = 3")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("text");
                assertThat(row.getString(2)).isEqualTo("2001-02-03");
                assertThat(row.getString(3)).isEqualTo("text");
                assertThat(row.getString(4)).isEqualTo("2001-02-03 04:05:06.789");
                assertThat(row.getString(5)).isEqualTo("2001-02-03");
                assertThat(row.getString(6)).isEqualTo("text");
                assertThat(row.getString(7)).isEqualTo("2001-02-03 04:05:06.789"); // an Instant, in UTC
            }
        }
    }

    @Test
    void seededAndWrittenDatesAgreeOnEveryEngine() {
        EngineExecutionResults results = TestKit.run(Dates.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(7).skipped(1));
    }
}
