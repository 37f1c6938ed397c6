package io.github.dbtestkit.internal.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code dbtestkit.cross-engine} entry reads back into each engine's result. */
class RunReportCrossEngineEntryTest {

    @Test
    void eachEnginesResultIsReadEvenWhenAnErrorHoldsSemicolonsOrTheStatementArrows() {
        CrossEngineEntry entry = CrossEngineEntry.parse("select 'a → b' → h2: error [42000] bad; very bad; sqlite: 1 row;"
                + " postgresql: 2 rows");

        assertThat(entry.statement()).isEqualTo("select 'a → b'");
        assertThat(entry.results()).containsExactly(Map.entry("h2", "error [42000] bad; very bad"),
                Map.entry("sqlite", "1 row"), Map.entry("postgresql", "2 rows"));
        assertThat(entry.lineFor("sqlite")).isEqualTo("select 'a → b' → 1 row");
    }

    @Test
    void anEntryNamingNoEngineKeepsItsText() {
        assertThat(CrossEngineEntry.parse("something else").results()).isEmpty();
    }
}
