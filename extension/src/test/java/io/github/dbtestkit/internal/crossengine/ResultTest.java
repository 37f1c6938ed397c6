package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.EngineOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comparing engines' outcomes under each option, and the side-by-side table a failure prints. */
class ResultTest {

    private static List<List<Object>> rows(Object[]... rows) {
        return Arrays.stream(rows).map(Arrays::asList).toList();
    }

    private static EngineOutcome of(Engine engine, Object[]... rows) {
        return EngineOutcome.rows(engine, List.of("title", "rating"), rows(rows));
    }

    @Test
    void theSameRowsAreTheSameResult() {
        Result result = new Result("select title, rating from posts", List.of(
                of(Engine.H2, new Object[] {"a", 1}), of(Engine.POSTGRESQL, new Object[] {"a", 1})), Comparison.EXACT);

        assertThat(result.sameOnAllEngines()).isTrue();
        assertThat(result.assertSameOnAllEngines()).isSameAs(result);
        assertThat(result.rows(Engine.POSTGRESQL)).containsExactly(List.of("a", 1));
    }

    @Test
    void aDifferentRowFailsWithEachEnginesRowsSideBySideAndTheDifferingLineMarked() {
        Result result = new Result("select title, rating from posts order by rating", List.of(
                of(Engine.H2, new Object[] {"good", 1}, new Object[] {"unrated", null}),
                of(Engine.SQLITE, new Object[] {"unrated", null}, new Object[] {"good", 1}),
                of(Engine.POSTGRESQL, new Object[] {"good", 1}, new Object[] {"unrated", null})), Comparison.EXACT);

        assertThat(result.differingEngines()).containsExactly(Engine.SQLITE);
        assertThatThrownBy(result::assertSameOnAllEngines).isInstanceOf(AssertionError.class).hasMessage("""
                Expected the same result on H2, SQLite, PostgreSQL, but SQLite differs from H2:
                  select title, rating from posts order by rating

                  # | H2              | SQLite          | PostgreSQL
                    | (title, rating) | (title, rating) | (title, rating)
                  --+-----------------+-----------------+-----------------
                  1 | 'good', 1       | 'unrated', null | 'good', 1        ≠
                  2 | 'unrated', null | 'good', 1       | 'unrated', null  ≠""");
    }

    @Test
    void ignoringRowOrderComparesTheRowsAsMultisets() {
        Comparison comparison = Comparison.EXACT.ignoringRowOrder();
        EngineOutcome h2 = of(Engine.H2, new Object[] {"good", 1}, new Object[] {"unrated", null});
        EngineOutcome sqlite = of(Engine.SQLITE, new Object[] {"unrated", null}, new Object[] {"good", 1});
        EngineOutcome twice = of(Engine.SQLITE, new Object[] {"good", 1}, new Object[] {"good", 1});

        assertThat(comparison.same(h2, sqlite)).isTrue();
        assertThat(comparison.same(h2, twice)).isFalse();
        assertThat(Comparison.EXACT.same(h2, sqlite)).isFalse();
    }

    @Test
    void valuesOfDifferentJavaTypesDifferUntilTypesAreNormalisedAndTheFailureSaysSo() {
        Result exact = new Result("select count(*) from posts", List.of(
                EngineOutcome.rows(Engine.H2, List.of("COUNT(*)"), rows(new Object[] {3L})),
                EngineOutcome.rows(Engine.SQLITE, List.of("count(*)"), rows(new Object[] {3}))), Comparison.EXACT);

        assertThatThrownBy(exact::assertSameOnAllEngines).hasMessageContaining("""
                  The values print alike but differ in Java type (H2 Long 3 against SQLite Integer 3): compare them by \
                value with normalizingTypes().""".strip());
        assertThat(new Result(exact.statement(), List.copyOf(exact.outcomes().values()),
                Comparison.EXACT.normalizingTypes()).sameOnAllEngines()).isTrue();
    }

    @Test
    void aToleranceComparesNumbersByValueWithinIt() {
        EngineOutcome h2 = EngineOutcome.rows(Engine.H2, List.of("avg"), rows(new Object[] {new BigDecimal("3.3333")}));
        EngineOutcome postgres = EngineOutcome.rows(Engine.POSTGRESQL, List.of("avg"), rows(new Object[] {3.3333333333}));

        assertThat(Comparison.EXACT.withTolerance(0.001).same(h2, postgres)).isTrue();
        assertThat(Comparison.EXACT.withTolerance(1e-9).same(h2, postgres)).isFalse();
        assertThatThrownBy(() -> Comparison.EXACT.withTolerance(-1))
                .hasMessage("A tolerance is a finite number of 0 or more, not -1.0.");
    }

    @Test
    void booleansEqualOneAndZeroOnlyWhenAskedTo() {
        EngineOutcome postgres = EngineOutcome.rows(Engine.POSTGRESQL, List.of("active"), rows(new Object[] {true}));
        EngineOutcome sqlite = EngineOutcome.rows(Engine.SQLITE, List.of("active"), rows(new Object[] {1}));

        assertThat(Comparison.EXACT.same(postgres, sqlite)).isFalse();
        assertThat(Comparison.EXACT.normalizingTypes().same(postgres, sqlite)).isFalse();
        assertThat(Comparison.EXACT.treatingBooleansAsNumbers().same(postgres, sqlite)).isTrue();
    }

    @Test
    void anErrorDiffersFromRowsAndTheTableShowsIt() {
        Result result = new Result("select 1 / 0", List.of(
                EngineOutcome.rows(Engine.SQLITE, List.of("1 / 0"), rows(new Object[] {null})),
                EngineOutcome.failed(Engine.POSTGRESQL, "ERROR: division by zero", "22012")), Comparison.EXACT);

        assertThat(result.differingEngines()).containsExactly(Engine.POSTGRESQL);
        assertThat(result.toString()).contains("1 | null    | error [22012] ERROR: division by zero  ≠");
        assertThat(result.summary()).isEqualTo("sqlite: 1 row; postgresql: error [22012] ERROR: division by zero");
        assertThatThrownBy(() -> result.rows(Engine.POSTGRESQL)).isInstanceOf(AssertionError.class)
                .hasMessage("On PostgreSQL, select 1 / 0 failed: error [22012] ERROR: division by zero; ask for "
                        + "outcome(Engine.POSTGRESQL) to check the error.");
        assertThat(result.value(Engine.SQLITE)).isNull();
    }

    @Test
    void twoErrorsAreTheSameOutcome() {
        Result result = new Result("select 1 / 0", List.of(
                EngineOutcome.failed(Engine.H2, "Division by zero", "22012"),
                EngineOutcome.failed(Engine.POSTGRESQL, "ERROR: division by zero", "22012")), Comparison.EXACT);

        assertThat(result.sameOnAllEngines()).isTrue();
    }

    @Test
    void singleValuesAndAnEngineOutsideTheComparisonAreNamed() {
        Result result = new Result("select title, rating from posts", List.of(
                of(Engine.H2, new Object[] {"a", 1})), Comparison.EXACT);

        assertThatThrownBy(() -> result.values(Engine.H2)).hasMessage("On H2, select title, rating from posts returned 2"
                + " columns, so it has no single values: use rows(Engine.H2).");
        assertThatThrownBy(() -> result.outcome(Engine.SQLITE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The cross-engine test compares H2, not SQLite: add it to @DatabaseTest(engines), or ask "
                        + "for one of those.");
    }
}
