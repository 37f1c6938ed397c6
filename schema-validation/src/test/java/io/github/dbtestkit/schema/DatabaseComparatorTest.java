package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.baseline.Baseline;
import io.github.dbtestkit.schema.baseline.BaselineEntry;
import io.github.dbtestkit.schema.support.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DatabaseComparatorTest {

    private static final String ITEMS = "create table items (id integer not null primary key, sku varchar(40),"
            + " qty bigint not null, note varchar(100));\n";

    /** Builds a reference database and a database under test from plain DDL and compares them. */
    private static SchemaReport compare(EngineKind engine, String referenceDdl, String underTestDdl) {
        try (TestDb reference = TestDb.create(engine); TestDb underTest = TestDb.create(engine)) {
            reference.execute(referenceDdl);
            underTest.execute(underTestDdl);
            return DatabaseComparator.reference(reference.dataSource()).against(underTest.dataSource()).compare();
        }
    }

    /** A name as the engine's catalog spells an unquoted identifier. */
    private static String name(EngineKind engine, String identifier) {
        return engine == EngineKind.H2 ? identifier.toUpperCase(Locale.ROOT) : identifier;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void identicalSchemasHaveNoDifferences(EngineKind engine) {
        String ddl = ITEMS + """
                create table orders (id integer not null primary key, item_id integer not null references items (id),
                    code varchar(20) not null, constraint uk_orders_code unique (code));
                create index idx_orders_item on orders (item_id);
                create index idx_items_sku on items (sku);
                """;

        SchemaReport report = compare(engine, ddl, ddl);

        assertThat(report.differences()).isEmpty();
        assertThat(report.engine()).isEqualTo(engine.displayName());
        assertThat(report.notes().get(0)).startsWith("Compared with the reference database jdbc:");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void missingColumnIsAnError(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS,
                "create table items (id integer not null primary key, sku varchar(40), qty bigint not null);");

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_COLUMN);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.table()).isEqualTo(name(engine, "items"));
            assertThat(d.column()).isEqualTo(name(engine, "note"));
            assertThat(d.expected()).endsWith("(100)");
            assertThat(d.actual()).isNull();
            assertThat(d.message()).isEqualTo("Column " + name(engine, "items") + "." + name(engine, "note")
                    + " does not exist in the database under test.");
        });
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void missingTableIsAnErrorAndAnExtraTableANotice(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS,
                "create table audit_log (id integer not null primary key, entry varchar(200));");

        assertThat(report.differences())
                .extracting(Difference::kind, Difference::severity, Difference::table, Difference::message)
                .containsExactly(
                        tuple(DifferenceKind.MISSING_TABLE, Severity.ERROR, name(engine, "items"),
                                "Table " + name(engine, "items") + " does not exist in the database under test."),
                        tuple(DifferenceKind.UNMAPPED_TABLE, Severity.INFO, name(engine, "audit_log"),
                                "Table " + name(engine, "audit_log") + " exists in the database under test but the"
                                        + " reference database has no such table."));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void missingIndexIsAWarning(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS + "create index idx_items_sku on items (sku);", ITEMS);

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_INDEX);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.column()).isEqualTo(name(engine, "sku"));
            assertThat(d.expected()).isEqualTo("index (" + name(engine, "sku") + ")");
            assertThat(d.message()).isEqualTo("Index on " + name(engine, "items") + "(" + name(engine, "sku") + ") ("
                    + name(engine, "idx_items_sku") + ") is missing in the database under test.");
        });
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void missingUniqueConstraintIsOneWarningNotAlsoAMissingIndex(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS.replace("sku varchar(40)", "sku varchar(40) unique"), ITEMS);

        assertThat(report.differences()).extracting(Difference::kind, Difference::severity, Difference::column,
                        Difference::expected)
                .containsExactly(tuple(DifferenceKind.MISSING_UNIQUE_CONSTRAINT, Severity.WARNING, name(engine, "sku"),
                        "unique (" + name(engine, "sku") + ")"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void missingUniqueIndexIsOneWarning(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS + "create unique index ux_items_sku on items (sku);", ITEMS);

        // SQLite's catalog lists a unique index among the unique constraints as well; the others as an index only.
        DifferenceKind kind = engine == EngineKind.SQLITE ? DifferenceKind.MISSING_UNIQUE_CONSTRAINT
                : DifferenceKind.MISSING_INDEX;
        assertThat(report.differences()).extracting(Difference::kind, Difference::severity, Difference::column)
                .containsExactly(tuple(kind, Severity.WARNING, name(engine, "sku")));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"H2", "POSTGRESQL"})
    void missingForeignKeyIsOneWarningNotAlsoAMissingIndex(EngineKind engine) {
        String orders = "create table orders (id integer not null primary key, item_id integer not null%s);";

        SchemaReport report = compare(engine, ITEMS + orders.formatted(" references items (id)"),
                ITEMS + orders.formatted(""));

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_FOREIGN_KEY);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).isEqualTo("Foreign key " + name(engine, "orders") + "(" + name(engine, "item_id")
                    + ") -> " + name(engine, "items") + " is missing in the database under test: rows can point at"
                    + " nothing.");
        });
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void notNullWhereTheReferenceAllowsNullIsAnError(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS, ITEMS.replace("note varchar(100)", "note varchar(100) not null"));

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.NULLABILITY_MISMATCH);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.column()).isEqualTo(name(engine, "note"));
            assertThat(d.expected()).isEqualTo("nullable");
            assertThat(d.actual()).isEqualTo("not null");
            assertThat(d.message()).isEqualTo("Column " + name(engine, "items") + "." + name(engine, "note")
                    + " is NOT NULL without a default in the database under test but the reference database allows"
                    + " null: inserts that leave it out fail.");
        });
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void nullableWhereTheReferenceSaysNotNullIsAWarning(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS, ITEMS.replace("qty bigint not null", "qty bigint"));

        assertThat(report.differences()).extracting(Difference::kind, Difference::severity, Difference::column,
                        Difference::expected, Difference::actual)
                .containsExactly(tuple(DifferenceKind.NULLABILITY_MISMATCH, Severity.WARNING, name(engine, "qty"),
                        "not null", "nullable"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void migrationToolsHistoryTablesAreIgnored(EngineKind engine) {
        String history = """
                create table flyway_schema_history (installed_rank integer not null primary key, version varchar(50));
                create table databasechangelog (id varchar(255) not null, author varchar(255) not null);
                create table databasechangeloglock (id integer not null primary key, locked boolean not null);
                """;

        assertThat(compare(engine, ITEMS, ITEMS + history).differences()).isEmpty();
        assertThat(compare(engine, ITEMS + history, ITEMS).differences()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"H2", "POSTGRESQL"})
    void integerWhereTheReferenceHasBigintIsATypeMismatch(EngineKind engine) {
        SchemaReport report = compare(engine, ITEMS, ITEMS.replace("qty bigint", "qty integer"));

        String bigint = engine == EngineKind.H2 ? "BIGINT" : "bigint";
        String integer = engine == EngineKind.H2 ? "INTEGER" : "integer";
        assertThat(report.differences()).containsExactly(new Difference(DifferenceKind.TYPE_MISMATCH, Severity.ERROR,
                name(engine, "items"), name(engine, "qty"), bigint, integer, "Column " + name(engine, "items") + "."
                + name(engine, "qty") + " is " + integer + " in the database under test but the reference database"
                + " has " + bigint + "."));
    }

    @Test
    void widerIntegerInTheDatabaseUnderTestIsNoDifference() {
        String reference = ITEMS.replace("qty bigint", "qty integer");

        assertThat(compare(EngineKind.H2, reference, ITEMS).differences()).isEmpty();
    }

    @Test
    void longerVarcharIsANoticeAndShorterAnErrorOnH2() {
        String longer = ITEMS.replace("note varchar(100)", "note varchar(200)");

        assertThat(compare(EngineKind.H2, ITEMS, longer).differences()).containsExactly(new Difference(
                DifferenceKind.LENGTH_MISMATCH, Severity.INFO, "ITEMS", "NOTE", "CHARACTER VARYING(100)",
                "CHARACTER VARYING(200)", "Column ITEMS.NOTE is CHARACTER VARYING(200) in the database under test,"
                + " longer than the reference database's CHARACTER VARYING(100)."));
        assertThat(compare(EngineKind.H2, longer, ITEMS).differences()).containsExactly(new Difference(
                DifferenceKind.LENGTH_MISMATCH, Severity.ERROR, "ITEMS", "NOTE", "CHARACTER VARYING(200)",
                "CHARACTER VARYING(100)", "Column ITEMS.NOTE is CHARACTER VARYING(100) in the database under test,"
                + " shorter than the reference database's CHARACTER VARYING(200): longer values fail to save."));
    }

    @Test
    void lengthsAreNotComparedOnSqlite() {
        SchemaReport report = compare(EngineKind.SQLITE, ITEMS,
                ITEMS.replace("note varchar(100)", "note varchar(200)"));

        assertThat(report.differences()).isEmpty();
        assertThat(report.notes()).contains(io.github.dbtestkit.schema.internal.diff.SchemaDiff.SQLITE_LENGTH_NOTE);
    }

    @Test
    void sqliteColumnsDeclaredBigintAreComparedByTheirDeclaredType() {
        String textQty = ITEMS.replace("qty bigint not null", "qty text not null");

        assertThat(compare(EngineKind.SQLITE, ITEMS, ITEMS).differences()).isEmpty();
        assertThat(compare(EngineKind.SQLITE, ITEMS, textQty).differences()).containsExactly(new Difference(
                DifferenceKind.TYPE_MISMATCH, Severity.ERROR, "items", "qty", "bigint", "TEXT",
                "Column items.qty is TEXT in the database under test but the reference database has bigint."));
    }

    @Test
    void sqliteIntegerAndBigintHoldTheSameValues() {
        // SQLite stores every integer in up to 8 bytes, whatever the declared width: the validator's rule too.
        SchemaReport report = compare(EngineKind.SQLITE, ITEMS, ITEMS.replace("qty bigint", "qty integer"));

        assertThat(report.differences()).isEmpty();
    }

    @Test
    void reportRendersInEveryFormatAndABaselineAcceptsItsFindings() {
        SchemaReport report = compare(EngineKind.H2, ITEMS,
                "create table items (id integer not null primary key, sku varchar(40), qty bigint not null);");

        for (ReportFormat format : ReportFormat.values()) {
            assertThat(report.render(format)).as(format.name()).contains("ITEMS").contains("NOTE");
        }
        assertThat(report.render(ReportFormat.JSON)).contains("MISSING_COLUMN");
        SchemaReport accepted = Baseline.of(List.of(new BaselineEntry(DifferenceKind.MISSING_COLUMN, "items", "note",
                null, null, "Dropped by V7, entity follows in the next release", null))).applyTo(report);
        assertThat(accepted.hasErrors()).isFalse();
        assertThat(accepted.accepted()).hasSize(1);
    }

    @Test
    void databasesOfDifferentEnginesAreRejectedWithBothNamed() {
        try (TestDb h2 = TestDb.create(EngineKind.H2); TestDb sqlite = TestDb.create(EngineKind.SQLITE)) {
            DatabaseComparator comparator = DatabaseComparator.reference(h2.dataSource()).against(sqlite.dataSource());

            assertThatThrownBy(comparator::compare)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The reference database jdbc:h2:mem:")
                    .hasMessageContaining(" is H2 but the database under test jdbc:sqlite:")
                    .hasMessageEndingWith(" is SQLite: compare two databases of the same engine, since types,"
                            + " lengths and keys are judged per engine.");
        }
    }

    @Test
    void comparingWithoutADatabaseUnderTestSaysWhatToCall() {
        try (TestDb h2 = TestDb.create(EngineKind.H2)) {
            DatabaseComparator comparator = DatabaseComparator.reference(h2.dataSource());

            assertThatThrownBy(comparator::compare)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("No database under test: call against(dataSource) before compare().");
        }
    }

    @Test
    void unreadableDatabaseIsNamedByItsRole() {
        try (TestDb h2 = TestDb.create(EngineKind.H2)) {
            org.h2.jdbcx.JdbcDataSource broken = new org.h2.jdbcx.JdbcDataSource();
            broken.setURL("jdbc:h2:mem:nowhere;IFEXISTS=TRUE");

            assertThatThrownBy(DatabaseComparator.reference(h2.dataSource()).against(broken)::compare)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Could not read the schema of the database under test: ")
                    .hasMessageEndingWith(" — check the DataSource's URL and credentials.");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void constraintsOnlyTheDatabaseUnderTestHasAreReported(EngineKind engine) {
        String reference = ITEMS + "create table orders (id integer not null primary key, item_id integer not null,"
                + " code varchar(20) not null);\n";
        String underTest = ITEMS + """
                create table orders (id integer not null primary key, item_id integer not null references items (id),
                    code varchar(20) not null, constraint uk_orders_code unique (code));
                create index idx_items_sku on items (sku);
                """;

        SchemaReport report = compare(engine, reference, underTest);

        assertThat(report.differences())
                .extracting(Difference::kind, Difference::severity, Difference::table, Difference::column,
                        Difference::actual)
                .containsExactlyInAnyOrder(
                        tuple(DifferenceKind.UNMAPPED_INDEX, Severity.INFO, name(engine, "items"), name(engine, "sku"),
                                "index (" + name(engine, "sku") + ")"),
                        tuple(DifferenceKind.UNMAPPED_FOREIGN_KEY, Severity.WARNING, name(engine, "orders"),
                                name(engine, "item_id"), "(" + name(engine, "item_id") + ") references "
                                        + name(engine, "items")),
                        tuple(DifferenceKind.UNMAPPED_UNIQUE_CONSTRAINT, Severity.WARNING, name(engine, "orders"),
                                name(engine, "code"), "unique (" + name(engine, "code") + ")"));
        assertThat(report.differences()).filteredOn(d -> d.kind() == DifferenceKind.UNMAPPED_FOREIGN_KEY)
                .singleElement().extracting(Difference::message).asString()
                .startsWith("Foreign key " + name(engine, "orders") + "(" + name(engine, "item_id") + ") -> "
                        + name(engine, "items"))
                .endsWith(" exists in the database under test but not in the reference database: it rejects rows"
                        + " the reference database accepts.");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void snapshotsCompareOneDatabaseWithItselfAtAnotherTime(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            DatabaseComparator.Snapshot empty = DatabaseComparator.snapshot(db.dataSource());
            db.execute(ITEMS);
            DatabaseComparator.Snapshot withItems = DatabaseComparator.snapshot(db.dataSource());

            SchemaReport leftovers = DatabaseComparator.reference(empty).against(withItems).compare();

            assertThat(empty.isEmpty()).isTrue();
            assertThat(empty.engine()).isEqualTo(engine);
            assertThat(withItems.isEmpty()).isFalse();
            assertThat(withItems.tables()).containsExactly(name(engine, "items"));
            assertThat(withItems.toString()).startsWith("Snapshot[" + engine.displayName() + " jdbc:")
                    .endsWith(", tables [" + name(engine, "items") + "]]");
            assertThat(leftovers.differences()).extracting(Difference::kind, Difference::table)
                    .containsExactly(tuple(DifferenceKind.UNMAPPED_TABLE, name(engine, "items")));
            assertThat(DatabaseComparator.reference(withItems).against(db.dataSource()).compare().differences())
                    .isEmpty();
        }
    }
}
