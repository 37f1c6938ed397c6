package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteChecksTest {

    @Test
    void columnAndTableChecksAreCutOutOfTheCreateStatement() {
        String sql = "CREATE TABLE products (id INTEGER PRIMARY KEY, stock INTEGER CHECK (stock >= 0),"
                + " name TEXT DEFAULT 'check (me)', CONSTRAINT price_positive CHECK ((price > 0) AND (price < 10)))";

        assertThat(SqliteSchemaReader.checks(sql)).containsExactly(
                new CheckModel(null, "stock >= 0"),
                new CheckModel("price_positive", "(price > 0) AND (price < 10)"));
    }

    @Test
    void aColumnNamedLikeTheKeywordIsNotACheck() {
        assertThat(SqliteSchemaReader.checks("CREATE TABLE t (check_no INTEGER, \"check\" TEXT)")).isEmpty();
    }

    @Test
    void aCheckInACommentIsNoConstraintButOneAfterItIs() {
        String sql = "CREATE TABLE t (\n  qty INTEGER, -- check (qty > 0) is enforced by the app\n"
                + "  /* CHECK (old) */ price INTEGER CHECK (price >= 0)\n)";

        assertThat(SqliteSchemaReader.checks(sql)).containsExactly(new CheckModel(null, "price >= 0"));
    }

    @Test
    void quotedAndBracketedNamesAreUnderstood() {
        String sql = "CREATE TABLE t ([check] TEXT, `x)` INTEGER CONSTRAINT [x positive] CHECK (`x)` > 0),"
                + " note TEXT CHECK (note <> ')'))";

        assertThat(SqliteSchemaReader.checks(sql)).containsExactly(
                new CheckModel("x positive", "`x)` > 0"), new CheckModel(null, "note <> ')'"));
    }

    @Test
    void postgresCheckDefinitionsLoseTheirKeywordAndOuterParentheses() {
        assertThat(PostgresSchemaReader.checkExpression("CHECK ((stock >= 0))")).isEqualTo("stock >= 0");
        assertThat(PostgresSchemaReader.checkExpression("CHECK ((a > 0) AND (b > 0))")).isEqualTo("(a > 0) AND (b > 0)");
    }
}
