package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.actual.ActualSchemaReader;
import io.github.dbtestkit.schema.internal.diff.ReferenceModel;
import io.github.dbtestkit.schema.internal.diff.SchemaDiff;
import io.github.dbtestkit.schema.internal.diff.Wording;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
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

/**
 * Compares the schema of a database under test with a reference database's, model against model, for migration
 * checks: "the database built by the migrations" against "the database built by create_all". Both catalogs are read
 * by the readers {@link SchemaValidator} uses, with the same canonical types per engine, and diffed in one pass into
 * a normal {@link SchemaReport}: its {@link Difference#expected()} is what the reference database has, its
 * {@link Difference#actual()} what the database under test has, and kinds and severities are the validator's (a
 * table the reference lacks is {@link DifferenceKind#UNMAPPED_TABLE}). Flyway's and Liquibase's bookkeeping tables
 * are ignored on both sides. Only the default schema of each connection is read.
 *
 * <pre>{@code
 * SchemaReport report = DatabaseComparator.reference(createAllDataSource).against(migratedDataSource).compare();
 * assertThat(report).hasNoErrors();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DatabaseComparator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComparator.class);

    private final DataSource reference;
    private final DataSource underTest;

    private DatabaseComparator(DataSource reference, DataSource underTest) {
        this.reference = reference;
        this.underTest = underTest;
    }

    /** The database that holds the schema as it should be, e.g. the one create_all built. */
    public static DatabaseComparator reference(DataSource reference) {
        return new DatabaseComparator(Objects.requireNonNull(reference, "reference"), null);
    }

    /** The database under test, e.g. the one the migrations built; it must run on the reference's engine. */
    public DatabaseComparator against(DataSource underTest) {
        return new DatabaseComparator(reference, Objects.requireNonNull(underTest, "underTest"));
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
        Side expected = read(reference, "reference database");
        Side actual = read(underTest, "database under test");
        if (expected.engine() != actual.engine()) {
            throw new IllegalArgumentException("The reference database " + expected.url() + " is "
                    + expected.engine().displayName() + " but the database under test " + actual.url() + " is "
                    + actual.engine().displayName() + ": compare two databases of the same engine, since types,"
                    + " lengths and keys are judged per engine.");
        }
        EngineKind engine = actual.engine();
        SchemaDiff.Result result = new SchemaDiff(engine, Wording.REFERENCE_DATABASE)
                .compare(ReferenceModel.expectedFrom(engine, expected.model()), actual.model());
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

    /** One database's engine, URL and schema. */
    private record Side(EngineKind engine, String url, SchemaModel model) {
    }

    private static Side read(DataSource dataSource, String role) {
        try (Connection connection = dataSource.getConnection()) {
            ConnectedEngine connected = ConnectedEngine.of(connection.getMetaData());
            SchemaModel model = ActualSchemaReader.of(connected.engine()).read(connection, Set.of());
            return new Side(connected.engine(), connected.url(), model);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema of the " + role + ": " + e.getMessage()
                    + " — check the DataSource's URL and credentials.", e);
        }
    }
}
