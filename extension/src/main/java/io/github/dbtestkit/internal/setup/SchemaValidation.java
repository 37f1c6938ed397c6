package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Compares a prepared database with its entities (the schema-validation module) and writes the report, in every
 * format, to {@code dbtestkit.report.dir} as {@code schema-<engine>-<fingerprint>.<ext>} (the fingerprint of the
 * schema key, stable across runs).
 *
 * <pre>{@code
 * SchemaReport report = SchemaValidation.validate(prepared);
 * }</pre>
 */
final class SchemaValidation {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidation.class);

    private SchemaValidation() {
    }

    static SchemaReport validate(PreparedDatabase database) {
        SchemaReport report;
        try {
            report = SchemaValidator.forEntities(database.entities().classes().toArray(Class<?>[]::new))
                    .withHibernateProperties(database.key().hibernate().values())
                    .against(database.instance().dataSource())
                    .validate();
        } catch (RuntimeException e) {
            throw new DatabaseTestException("Could not compare the entities with the schema of " + database + ": "
                    + Messages.chain(e), e);
        }
        Path written = write(report, database);
        LOG.info("dbtestkit: schema of {} checked against {} entities: {} errors, {} warnings{}", database,
                database.entities().classes().size(), report.differences(io.github.dbtestkit.schema.Severity.ERROR).size(),
                report.differences(io.github.dbtestkit.schema.Severity.WARNING).size(),
                written == null ? "" : " (report: " + written + ")");
        return report;
    }

    private static Path write(SchemaReport report, PreparedDatabase database) {
        return SchemaReportFiles.write(report, database.reportDir(), name(database)).orElse(null);
    }

    /** The reports' file name without extension: {@code schema-h2-3f9a12c0d1}. */
    static String name(PreparedDatabase database) {
        return "schema-" + database.engine().id() + "-" + database.key().fingerprint();
    }
}
