package com.example.gallery;

import io.github.dbtestkit.CrossEngine;
import io.github.dbtestkit.CrossEngineResult;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Sql;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same query, three answers: operators, ordering, names and statements that differ between the engines. Each test
 * runs once and compares the three engines on the same tables ({@code db/gallery}); see docs/gallery.md.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, migrations = "classpath:db/gallery")
class QueriesTest {

    @Test
    void likeIgnoresCaseOnSqliteOnly(CrossEngine engines) {
        CrossEngineResult like = engines.sql("select case when 'ABC' like 'abc' then 'match' else 'no match' end")
                .results();

        assertThat(like.value(Engine.SQLITE)).isEqualTo("match");
        assertThat(like.value(Engine.H2)).isEqualTo("no match");
        assertThat(like.value(Engine.POSTGRESQL)).isEqualTo("no match");
        engines.sql("select case when lower('ABC') like lower('abc') then 'match' else 'no match' end")
                .assertSameOnAllEngines();
    }

    @Test
    @Sql("people.sql")
    void nullsSortFirstOnH2AndSqliteAndLastOnPostgresql(CrossEngine engines) {
        CrossEngineResult ascending = engines.sql("select nickname from people order by nickname").results();

        assertThat(ascending.values(Engine.H2)).containsExactly(null, "C", "a", "b");
        assertThat(ascending.values(Engine.SQLITE)).containsExactly(null, "C", "a", "b");
        assertThat(ascending.values(Engine.POSTGRESQL)).containsExactly("C", "a", "b", null);
        engines.sql("select nickname from people order by nickname is null, nickname").assertSameOnAllEngines();
    }

    @Test
    void concatenatingNullGivesNullEverywhereButOnlyPostgresqlRefusesNumbers(CrossEngine engines) {
        engines.sql("select 'a' || null").assertSameOnAllEngines();

        CrossEngineResult numbers = engines.sql("select 1 || 2").results();

        assertThat(numbers.value(Engine.H2)).isEqualTo("12");
        assertThat(numbers.value(Engine.SQLITE)).isEqualTo("12");
        assertThat(numbers.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("42883");
        engines.sql("select coalesce('a' || null, 'a'), cast(1 as varchar(5)) || cast(2 as varchar(5))")
                .assertSameOnAllEngines();
    }

    @Test
    void uniqueConstraintsAcceptSeveralNullsOnEveryEngine(CrossEngine engines) {
        engines.sql("insert into subscribers (id, email) values (1, null), (2, null)").assertSameOnAllEngines();

        CrossEngineResult duplicate = engines.sql("insert into subscribers (id, email) values (3, 'a@b.c'), (4, 'a@b.c')")
                .results();

        assertThat(duplicate.outcome(Engine.H2).sqlState()).isEqualTo("23505");
        assertThat(duplicate.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("23505");
        assertThat(duplicate.outcome(Engine.SQLITE).failed()).isTrue();
    }

    @Test
    void unquotedNamesAreUpperCaseOnH2LowerCaseOnPostgresqlAndAsWrittenOnSqlite(CrossEngine engines) {
        CrossEngineResult labels = engines.sql("select 1 as MixedCase, 2 as \"Quoted\", 3").results();

        assertThat(labels.outcome(Engine.H2).columns()).containsExactly("MIXEDCASE", "Quoted", "3");
        assertThat(labels.outcome(Engine.POSTGRESQL).columns()).containsExactly("mixedcase", "Quoted", "?column?");
        assertThat(labels.outcome(Engine.SQLITE).columns()).containsExactly("MixedCase", "Quoted", "3");
    }

    @Test
    void upsertIsOnConflictOnSqliteAndPostgresqlAndMergeOnH2(CrossEngine engines) {
        engines.execute("insert into counters (id, hits) values (1, 1)");

        CrossEngineResult onConflict = engines.sql("insert into counters (id, hits) values (1, 1)"
                + " on conflict (id) do update set hits = counters.hits + 1").results();
        CrossEngineResult merge = engines.sql("merge into counters key (id) values (1, 2)").results();

        assertThat(onConflict.outcome(Engine.SQLITE).updateCount()).isEqualTo(1);
        assertThat(onConflict.outcome(Engine.POSTGRESQL).updateCount()).isEqualTo(1);
        assertThat(onConflict.outcome(Engine.H2).sqlState()).isEqualTo("42000");
        assertThat(merge.outcome(Engine.H2).updateCount()).isEqualTo(1);
        assertThat(merge.outcome(Engine.SQLITE).failed()).isTrue();
        assertThat(merge.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("42601");
        engines.sql("select hits from counters where id = 1").assertSameOnAllEngines();
    }

    @Test
    void returningGivesTheInsertedRowOnSqliteAndPostgresqlButNotOnH2(CrossEngine engines) {
        CrossEngineResult returning = engines.sql("insert into counters (id, hits) values (5, 0) returning id").results();
        CrossEngineResult finalTable = engines.sql("select id from final table (insert into counters (id, hits) values (6, 0))")
                .results();

        assertThat(returning.value(Engine.SQLITE)).isEqualTo(5);
        assertThat(returning.value(Engine.POSTGRESQL)).isEqualTo(5);
        assertThat(returning.outcome(Engine.H2).sqlState()).isEqualTo("42000");
        assertThat(finalTable.value(Engine.H2)).isEqualTo(6);
        assertThat(finalTable.differingEngines()).containsExactly(Engine.SQLITE, Engine.POSTGRESQL);
    }

    @Test
    void addingDaysToADateWorksOnH2AndPostgresqlAndGivesAYearOnSqlite(CrossEngine engines) {
        CrossEngineResult nextDay = engines.sql("select cast('2024-01-31' as date) + 1").results();

        assertThat(nextDay.value(Engine.H2)).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 2, 1)));
        assertThat(nextDay.value(Engine.POSTGRESQL)).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 2, 1)));
        assertThat(nextDay.value(Engine.SQLITE)).isEqualTo(2025); // cast('2024-01-31' as date) is the number 2024

        CrossEngineResult sqliteWay = engines.sql("select date('2024-01-31', '+1 day')").results();
        assertThat(sqliteWay.value(Engine.SQLITE)).isEqualTo("2024-02-01");
        assertThat(sqliteWay.outcome(Engine.H2).sqlState()).isEqualTo("90022");
        assertThat(sqliteWay.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("42883");
    }

    @Test
    @Sql("people.sql")
    void onlyPostgresqlRefusesAColumnThatIsNeitherGroupedNorAggregated(CrossEngine engines) {
        CrossEngineResult loose = engines.sql("select name, count(*) from people group by nickname").results();

        assertThat(loose.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("42803");
        assertThat(loose.rows(Engine.H2)).hasSize(4);
        assertThat(loose.rows(Engine.SQLITE)).hasSize(4);
    }

    @Test
    @Sql("people.sql")
    void stringsCompareByCodePointHereButOnlyH2FoldsCaseBeyondAscii(CrossEngine engines) {
        engines.sql("select name from people order by name").assertSameOnAllEngines();
        assertThat(engines.sql("select name from people order by name").results().values(Engine.POSTGRESQL))
                .containsExactly("Cid", "ann", "bob", "dan");
        assertThat(engines.sql("select datcollate from pg_database where datname = current_database()").results()
                .value(Engine.POSTGRESQL)).isEqualTo("C");

        CrossEngineResult folded = engines.sql("select lower('ÄÖ'), upper('straße')").results();

        assertThat(folded.rows(Engine.H2)).containsExactly(List.of("äö", "STRASSE"));
        assertThat(folded.rows(Engine.SQLITE)).containsExactly(List.of("ÄÖ", "STRAßE"));
        assertThat(folded.rows(Engine.POSTGRESQL)).containsExactly(Arrays.asList("ÄÖ", "STRAßE"));
    }
}
