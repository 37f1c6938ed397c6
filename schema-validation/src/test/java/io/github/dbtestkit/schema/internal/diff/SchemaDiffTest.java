package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTest {

    private static ColumnModel column(String name, String type, boolean nullable) {
        return new ColumnModel(name, TypeNames.parse(type), nullable, false, false, null);
    }

    private static TableModel table(String name, List<ColumnModel> columns, List<String> pk, List<KeyModel> uniques,
                                    List<KeyModel> indexes, List<CheckModel> checks) {
        return new TableModel(name, null, columns, pk, List.of(), uniques, indexes, checks);
    }

    private static List<Difference> diff(EngineKind engine, TableModel expected, TableModel actual) {
        return new SchemaDiff(engine).compare(new SchemaModel(List.of(expected), List.of()),
                new SchemaModel(List.of(actual), List.of())).differences();
    }

    private static final List<ColumnModel> COLUMNS = List.of(column("id", "bigint", false),
            column("sku", "varchar(40)", true));

    @Test
    void primaryKeyOnTheSameColumnsSatisfiesAnIndex() {
        TableModel expected = table("items", COLUMNS, List.of("id"), List.of(),
                List.of(new KeyModel("idx_items_id", List.of("id"), false)), List.of());
        TableModel actual = table("ITEMS", COLUMNS, List.of("ID"), List.of(), List.of(), List.of());

        assertThat(diff(EngineKind.H2, expected, actual)).isEmpty();
    }

    @Test
    void uniqueIndexSatisfiesAUniqueConstraintWhateverItsName() {
        TableModel expected = table("items", COLUMNS, List.of("id"),
                List.of(new KeyModel("UK_generated_name", List.of("sku"), true)), List.of(), List.of());
        TableModel actual = table("items", COLUMNS, List.of("id"), List.of(),
                List.of(new KeyModel("items_by_sku", List.of("sku"), true)), List.of());

        assertThat(diff(EngineKind.POSTGRESQL, expected, actual)).isEmpty();
    }

    @Test
    void nonUniqueIndexDoesNotSatisfyAUniqueIndex() {
        TableModel expected = table("items", COLUMNS, List.of("id"), List.of(),
                List.of(new KeyModel("ux", List.of("sku"), true)), List.of());
        TableModel actual = table("items", COLUMNS, List.of("id"), List.of(),
                List.of(new KeyModel("ix", List.of("sku"), false)), List.of());

        assertThat(diff(EngineKind.H2, expected, actual)).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("Unique index on items(sku) (ux) is missing in the database."));
    }

    @Test
    void checkReprintedByTheDatabaseIsKnownWhenItConstrainsTheSameColumns() {
        List<ColumnModel> columns = List.of(column("id", "bigint", false), column("status", "varchar(255)", true));
        TableModel expected = table("orders", columns, List.of("id"), List.of(), List.of(),
                List.of(new CheckModel(null, "status in ('OPEN','CLOSED')")));
        TableModel actual = table("orders", columns, List.of("id"), List.of(), List.of(),
                List.of(new CheckModel("orders_status_check", "(status)::text = ANY ((ARRAY['OPEN'::character varying,"
                        + " 'CLOSED'::character varying])::text[])"),
                        new CheckModel("orders_id_check", "id > 0")));

        assertThat(diff(EngineKind.POSTGRESQL, expected, actual)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.UNMAPPED_CHECK_CONSTRAINT);
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).isEqualTo("Table orders has CHECK (id > 0) (orders_id_check) in the database that"
                    + " the mapping does not know: the database may reject what the entity allows.");
        });
    }

    @Test
    void sequenceIncrementDifferingFromAllocationSizeIsAnError() {
        SchemaModel expected = new SchemaModel(List.of(), List.of(new SequenceModel("posts_seq", 50)));
        SchemaModel actual = new SchemaModel(List.of(), List.of(new SequenceModel("POSTS_SEQ", 1)));

        assertThat(new SchemaDiff(EngineKind.H2).compare(expected, actual).differences()).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_SEQUENCE);
                    assertThat(d.severity()).isEqualTo(Severity.ERROR);
                    assertThat(d.expected()).isEqualTo("increment 50");
                    assertThat(d.actual()).isEqualTo("increment 1");
                    assertThat(d.message()).isEqualTo("Sequence posts_seq increments by 1 but the generator's allocation"
                            + " size is 50: ids would collide or be skipped.");
                });
    }

    @Test
    void sqliteTreatsEveryIntegerWidthAndBooleanAsCompatibleButNotText() {
        TableModel expected = table("flags", List.of(column("id", "bigint", false), column("on", "boolean", true),
                column("n", "bigint", true)), List.of("id"), List.of(), List.of(), List.of());
        TableModel actual = table("flags", List.of(column("id", "INTEGER", false), column("on", "INTEGER", true),
                column("n", "TEXT", true)), List.of("id"), List.of(), List.of(), List.of());

        assertThat(diff(EngineKind.SQLITE, expected, actual)).extracting(Difference::kind, Difference::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DifferenceKind.TYPE_MISMATCH, "n"));
        assertThat(diff(EngineKind.H2, expected, actual)).extracting(Difference::column)
                .containsExactly("id", "on", "n");
    }

    @Test
    void ruleIdsRefineKindsWithTwoDirections() {
        assertThat(rule(DifferenceKind.LENGTH_MISMATCH, Severity.ERROR)).isEqualTo("length-mismatch.shorter");
        assertThat(rule(DifferenceKind.LENGTH_MISMATCH, Severity.INFO)).isEqualTo("length-mismatch.longer");
        assertThat(rule(DifferenceKind.PRECISION_MISMATCH, Severity.ERROR)).isEqualTo("precision-mismatch.lower");
        assertThat(rule(DifferenceKind.PRECISION_MISMATCH, Severity.INFO)).isEqualTo("precision-mismatch.higher");
        assertThat(rule(DifferenceKind.NULLABILITY_MISMATCH, Severity.ERROR))
                .isEqualTo("nullability-mismatch.database-not-null");
        assertThat(rule(DifferenceKind.UNMAPPED_COLUMN, Severity.INFO)).isEqualTo("unmapped-column.nullable");
        assertThat(rule(DifferenceKind.MISSING_FOREIGN_KEY, Severity.WARNING)).isEqualTo("missing-foreign-key");
    }

    private static String rule(DifferenceKind kind, Severity severity) {
        return new Difference(kind, severity, "t", null, null, null, "m").rule();
    }
}
