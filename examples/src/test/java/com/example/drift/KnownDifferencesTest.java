package com.example.drift;

import com.example.evolution.Account;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.TestDatabase;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.baseline.AcceptedDifference;
import io.github.dbtestkit.schema.baseline.Baseline;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known, accepted differences, kept in a baseline file named on the class: on PostgreSQL the DBA capped the names at
 * 60 characters, on H2 the scripts declare {@code full_name} NOT NULL, SQLite's scripts match. Each entry of
 * {@code db/known-differences/schema-baseline.json} names its engine, so the class runs green on all three, and a
 * difference that is not in the file still fails it.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Account.class,
        migrations = "classpath:db/known-differences/{engine}",
        baseline = "db/known-differences/schema-baseline.json")
class KnownDifferencesTest {

    @Test
    void accountsSaveOnEveryEngine(EntityManager em) {
        em.persist(new Account(1L, "Ada", "Lovelace"));
        em.flush();
        em.clear();

        assertThat(em.find(Account.class, 1L).getFullName()).isEqualTo("Ada Lovelace");
    }

    @Test
    @EnabledOnEngine(Engine.POSTGRESQL)
    void theAcceptedLimitIsRealOnPostgresql(EntityManager em) {
        em.persist(new Account(2L, "A".repeat(61), "Lovelace"));

        assertThatThrownBy(em::flush).isInstanceOf(PersistenceException.class);
    }

    @Test
    void theReportKeepsWhatIsAcceptedAndWhy(TestDatabase db) throws Exception {
        Baseline baseline;
        try (InputStream in = getClass().getResourceAsStream("/db/known-differences/schema-baseline.json")) {
            baseline = Baseline.read(in, "schema-baseline.json");
        }
        SchemaReport report = baseline.applyTo(SchemaValidator.forEntities(Account.class).against(db.dataSource())
                .validate());

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.stale()).isEmpty();
        switch (db.engine()) {
            case H2 -> assertThat(report.accepted()).extracting(a -> a.difference().column().toLowerCase())
                    .containsExactly("full_name");
            case POSTGRESQL -> assertThat(report.accepted()).extracting(AcceptedDifference::reason)
                    .containsOnly("The DBA caps names at 60 characters; the sign-up form does too").hasSize(2);
            case SQLITE -> assertThat(report.accepted()).isEmpty();
        }
    }
}
