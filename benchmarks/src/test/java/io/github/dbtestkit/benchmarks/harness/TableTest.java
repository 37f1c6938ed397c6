package io.github.dbtestkit.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void printsAMarkdownTableWithTheFirstColumnLeftAlignedAndNumbersRightAligned() {
        Table table = new Table("engine", "µs/test")
                .row("h2", Table.number(41.73, 1))
                .row("postgresql", Table.number(230, 1));

        assertThat(render(table)).isEqualTo("""
                | engine     | µs/test |
                |:-----------|--------:|
                | h2         |    41.7 |
                | postgresql |   230.0 |
                """);
    }

    @Test
    void ratiosHaveTwoDecimalsAndSayWhenTheyCannotBeComputed() {
        assertThat(Table.ratio(3, 2)).isEqualTo("1.50x");
        assertThat(Table.ratio(3, 0)).isEqualTo("n/a");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefusedWithItsCells() {
        Table table = new Table("engine", "µs/test");

        assertThatThrownBy(() -> table.row("h2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A row of 1 cells in a table of 2 columns: [h2]");
    }

    private static String render(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        table.print(out);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
