package com.example.gallery;

import io.github.dbtestkit.CrossEngine;
import io.github.dbtestkit.CrossEngineResult;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engines do with values that do not fit their column, and which Java types come back. Each test runs once
 * and compares the three engines on the same tables ({@code db/gallery}); see docs/gallery.md.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, migrations = "classpath:db/gallery")
class ValuesAndTypesTest {

    @Test
    void sqliteStoresTextInAnIntegerColumn(CrossEngine engines) {
        CrossEngineResult insert = engines.sql("insert into measurements (id, amount) values (1, 'abc')").results();

        assertThat(insert.outcome(Engine.H2).sqlState()).isEqualTo("22018");
        assertThat(insert.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22P02");
        assertThat(insert.outcome(Engine.SQLITE).updateCount()).isEqualTo(1);
        assertThat(engines.sql("select amount from measurements where id = 1").results().value(Engine.SQLITE))
                .isEqualTo("abc");
    }

    @Test
    void sqliteKeepsElevenCharactersInAVarcharOfTen(CrossEngine engines) {
        CrossEngineResult insert = engines.sql("insert into measurements (id, code) values (2, ?)", "12345678901").results();

        assertThat(insert.outcome(Engine.H2).sqlState()).isEqualTo("22001");
        assertThat(insert.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22001");
        assertThat(engines.sql("select code from measurements where id = 2").results().value(Engine.SQLITE))
                .isEqualTo("12345678901");
    }

    @Test
    void sqliteReadsTheLeadingDigitsOfTextCastToInteger(CrossEngine engines) {
        CrossEngineResult cast = engines.sql("select cast('12abc' as integer)").results();

        assertThat(cast.value(Engine.SQLITE)).isEqualTo(12);
        assertThat(cast.outcome(Engine.H2).sqlState()).isEqualTo("22018");
        assertThat(cast.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22P02");
    }

    @Test
    void sqliteTruncatesADecimalCastToIntegerWhereTheOthersRound(CrossEngine engines) {
        CrossEngineResult cast = engines.sql("select cast(1.5 as integer), cast(-1.5 as integer)").results();

        assertThat(cast.rows(Engine.SQLITE)).containsExactly(java.util.List.of(1, -1));
        assertThat(cast.rows(Engine.H2)).containsExactly(java.util.List.of(2, -2));
        assertThat(cast.rows(Engine.POSTGRESQL)).containsExactly(java.util.List.of(2, -2));
    }

    @Test
    void sqliteStoresBooleansAsIntegers(CrossEngine engines) {
        engines.execute("insert into flags (id, active) values (1, true)");

        CrossEngineResult active = engines.sql("select active from flags").results();

        assertThat(active.value(Engine.SQLITE)).isEqualTo(1);
        assertThat(active.value(Engine.H2)).isEqualTo(true);
        assertThat(active.value(Engine.POSTGRESQL)).isEqualTo(true);
        engines.sql("select active from flags").treatingBooleansAsNumbers().assertSameOnAllEngines();
    }

    @Test
    void sqliteNeverEqualsTextAndANumber(CrossEngine engines) {
        CrossEngineResult equal = engines.sql("select case when '1' = 1 then 'equal' else 'different' end").results();

        assertThat(equal.value(Engine.SQLITE)).isEqualTo("different");
        assertThat(equal.value(Engine.H2)).isEqualTo("equal");
        assertThat(equal.value(Engine.POSTGRESQL)).isEqualTo("equal");
    }

    @Test
    void integersOverflowOnH2AndPostgresqlAndGrowOnSqlite(CrossEngine engines) {
        CrossEngineResult sum = engines.sql("select 2147483647 + 1").results();

        assertThat(sum.outcome(Engine.H2).sqlState()).isEqualTo("22003");
        assertThat(sum.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22003");
        assertThat(sum.value(Engine.SQLITE)).isEqualTo(2147483648L);
    }

    @Test
    @Sql("people.sql")
    void countIsALongExceptOnSqlite(CrossEngine engines) {
        CrossEngineResult count = engines.sql("select count(*) from people").results();

        assertThat(count.value(Engine.SQLITE)).isEqualTo(4);
        assertThat(count.value(Engine.H2)).isEqualTo(4L);
        assertThat(count.value(Engine.POSTGRESQL)).isEqualTo(4L);
        assertThat(count.differingEngines()).containsExactly(Engine.SQLITE);
        engines.sql("select count(*) from people").normalizingTypes().assertSameOnAllEngines();
    }

    @Test
    void theEnginesAgreeOnIntegerDivisionButNotOnTheTypeOfDecimals(CrossEngine engines) {
        engines.sql("select 7 / 2, -7 / 2").assertSameOnAllEngines();

        CrossEngineResult decimal = engines.sql("select 7 / 2.0").results();

        assertThat(decimal.value(Engine.SQLITE)).isEqualTo(3.5);
        assertThat(decimal.value(Engine.H2)).isEqualTo(new java.math.BigDecimal("3.500"));
        assertThat(decimal.value(Engine.POSTGRESQL)).isEqualTo(new java.math.BigDecimal("3.5000000000000000"));
        engines.sql("select 7 / 2.0").withTolerance(0).assertSameOnAllEngines();
    }

    @Test
    void divisionByZeroIsNullOnSqliteAndAnErrorElsewhere(CrossEngine engines) {
        CrossEngineResult division = engines.sql("select 1 / 0").results();

        assertThat(division.value(Engine.SQLITE)).isNull();
        assertThat(division.outcome(Engine.H2).sqlState()).isEqualTo("22012");
        assertThat(division.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22012");
    }
}
