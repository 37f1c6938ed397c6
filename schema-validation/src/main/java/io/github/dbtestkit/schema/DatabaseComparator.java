package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.actual.ActualSchemaReader;
import io.github.dbtestkit.schema.internal.diff.ReferenceModel;
import io.github.dbtestkit.schema.internal.diff.SchemaDiff;
import io.github.dbtestkit.schema.internal.diff.Wording;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares the schema of a database under test with a reference database's, model against model, for migration
 * checks: "the database built by the migrations" against "the database built by create_all". Both catalogs are read
 * by the readers {@link SchemaValidator} uses, with the same canonical types per engine, and diffed in one pass into
 * a normal {@link SchemaReport}: its {@link Difference#expected()} is what the reference database has, its
 * {@link Difference#actual()} what the database under test has, and kinds and severities are the validator's (a
 * table the reference lacks is {@link DifferenceKind#UNMAPPED_TABLE}). Flyway's and Liquibase's bookkeeping tables
 * are ignored on both sides. Only the default schema of each connection is read; views are not compared.
 *
 * <p>Since both sides are complete catalogs, what only the database under test declares is reported too:
 * {@link DifferenceKind#UNMAPPED_FOREIGN_KEY}, {@link DifferenceKind#UNMAPPED_UNIQUE_CONSTRAINT} and
 * {@link DifferenceKind#UNMAPPED_INDEX}, which a comparison with a mapping leaves out.
 *
 * <p>A side can also be a {@link Snapshot}, read once and kept, to compare one database with itself at another
 * time: before and after a rollback, say.
 *
 * <pre>{@code
 * SchemaReport report = DatabaseComparator.reference(createAllDataSource).against(migratedDataSource).compare();
 * assertThat(report).hasNoErrors();
 *
 * DatabaseComparator.Snapshot before = DatabaseComparator.snapshot(dataSource);
 * // ... update, roll back ...
 * SchemaReport leftovers = DatabaseComparator.reference(before).against(DatabaseComparator.snapshot(dataSource)).compare();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DatabaseComparator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComparator.class);

    private final Supplier<Snapshot> reference;
    private final Supplier<Snapshot> underTest;

    private DatabaseComparator(Supplier<Snapshot> reference, Supplier<Snapshot> underTest) {
        this.reference = reference;
        this.underTest = underTest;
    }

    /** The database that holds the schema as it should be, e.g. the one create_all built; read by {@link #compare()}. */
    public static DatabaseComparator reference(DataSource reference) {
        Objects.requireNonNull(reference, "reference");
        return new DatabaseComparator(() -> read(reference, "reference database"), null);
    }

    /** A schema read before, as it should be. */
    public static DatabaseComparator reference(Snapshot reference) {
        Objects.requireNonNull(reference, "reference");
        return new DatabaseComparator(() -> reference, null);
    }

    /** The database under test, e.g. the one the migrations built; it must run on the reference's engine. */
    public DatabaseComparator against(DataSource underTest) {
        Objects.requireNonNull(underTest, "underTest");
        return new DatabaseComparator(reference, () -> read(underTest, "database under test"));
    }

    /** A schema read before, to test; it must come from the reference's engine. */
    public DatabaseComparator against(Snapshot underTest) {
        Objects.requireNonNull(underTest, "underTest");
        return new DatabaseComparator(reference, () -> underTest);
    }

    /**
     * Reads a database's schema now, to compare later.
     *
     * @throws IllegalStateException when the engine is not supported or the database cannot be read
     */
    public static Snapshot snapshot(DataSource dataSource) {
        return read(Objects.requireNonNull(dataSource, "dataSource"), "database");
    }

    /**
     * Reads both schemas and compares them.
     *
     * @throws IllegalStateException    when no database under test was given, an engine is not supported, or a
     *                                  database cannot be read
     * @throws IllegalArgumentException when the two databases run on different engines
     */
    public SchemaReport compare() {
        if (underTest == null) {
            throw new IllegalStateException("No database under test: call against(dataSource) before compare().");
        }
        Snapshot expected = reference.get();
        Snapshot actual = underTest.get();
        if (expected.engine() != actual.engine()) {
            throw new IllegalArgumentException("The reference database " + expected.url() + " is "
                    + expected.engine().displayName() + " but the database under test " + actual.url() + " is "
                    + actual.engine().displayName() + ": compare two databases of the same engine, since types,"
                    + " lengths and keys are judged per engine.");
        }
        EngineKind engine = actual.engine();
        SchemaDiff.Result result = new SchemaDiff(engine, Wording.REFERENCE_DATABASE)
                .compare(ReferenceModel.expectedFrom(engine, expected.model), actual.model);
        List<String> notes = new ArrayList<>();
        notes.add("Compared with the reference database " + expected.url() + ": \"expected\" is what it has,"
                + " \"actual\" what " + actual.url() + " has.");
        notes.addAll(result.notes());
        SchemaReport report = new SchemaReport(engine.displayName(), actual.url(), result.differences(), notes);
        LOG.info("Compared {} {} with the reference database {}: {} errors, {} warnings, {} notices",
                engine.displayName(), actual.url(), expected.url(), report.differences(Severity.ERROR).size(),
                report.differences(Severity.WARNING).size(), report.differences(Severity.INFO).size());
        return report;
    }

    /**
     * One database's schema as it was when read: its engine, its URL (credentials masked) and its catalog. Immutable.
     *
     * <pre>{@code
     * DatabaseComparator.Snapshot empty = DatabaseComparator.snapshot(dataSource);
     * assertThat(empty.isEmpty()).isTrue();
     * }</pre>
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Snapshot {

        private final EngineKind engine;
        private final String url;
        private final SchemaModel model;

        private Snapshot(EngineKind engine, String url, SchemaModel model) {
            this.engine = engine;
            this.url = url;
            this.model = model;
        }

        /** The engine it was read from. */
        public EngineKind engine() {
            return engine;
        }

        /** The database's URL, credentials masked. */
        public String url() {
            return url;
        }

        /** The tables, migration tools' bookkeeping tables left out, in the order read. */
        public List<String> tables() {
            return model.tables().stream().map(TableModel::name).filter(name -> !SchemaDiff.isBookkeeping(name))
                    .toList();
        }

        /** Whether it holds no table (bookkeeping tables aside) and no sequence. */
        public boolean isEmpty() {
            return tables().isEmpty() && model.sequences().isEmpty();
        }

        @Override
        public String toString() {
            return "Snapshot[" + engine.displayName() + " " + url + ", tables " + tables() + "]";
        }
    }

    private static Snapshot read(DataSource dataSource, String role) {
        try (Connection connection = dataSource.getConnection()) {
            ConnectedEngine connected = ConnectedEngine.of(connection.getMetaData());
            SchemaModel model = ActualSchemaReader.of(connected.engine()).read(connection, Set.of());
            return new Snapshot(connected.engine(), connected.url(), model);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema of the " + role + ": " + e.getMessage()
                    + " — check the DataSource's URL and credentials.", e);
        }
    }
}
