package io.github.dbtestkit.migration.checks;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.setup.EntitySet;
import io.github.dbtestkit.setup.HibernateFactories;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;

/**
 * Check 4's comparison of a migrated database with the entities: dbtestkit's schema validation, which collects every
 * difference with its severity; where that module's validator is not available yet in this build, Hibernate's own
 * schema validation (which stops at the first problem).
 *
 * <pre>{@code
 * List<String> problems = EntityValidation.problems(Engine.H2, entities, dataSource);
 * }</pre>
 */
final class EntityValidation {

    private EntityValidation() {
    }

    /** One line per error; empty when the schema matches. */
    static List<String> problems(Engine engine, String serverVersion, EntitySet entities, DataSource dataSource) {
        SchemaReport report;
        try {
            report = SchemaValidator.forEntities(entities.classes().toArray(Class<?>[]::new)).against(dataSource).validate();
        } catch (UnsupportedOperationException notYet) {
            return hibernateValidation(engine, serverVersion, entities, dataSource);
        }
        if (!report.hasErrors()) {
            return List.of();
        }
        return Arrays.stream(report.render(ReportFormat.TEXT).split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    private static List<String> hibernateValidation(Engine engine, String serverVersion, EntitySet entities,
                                                    DataSource dataSource) {
        // Hibernate 7.4's validator finds no table in SQLite's metadata, so it would report every table missing.
        Assumptions.assumeFalse(engine == Engine.SQLITE, "Checking entities against SQLite needs dbtestkit's schema"
                + " validation (SchemaValidator), which this build does not have yet; Hibernate's validator cannot read"
                + " SQLite's metadata. Check 6 still compares the migrated schema with create_all on SQLite.");
        try (SessionFactory factory = HibernateFactories.build(engine, serverVersion, entities, dataSource)) {
            factory.getSchemaManager().validateMappedObjects();
            return List.of();
        } catch (SchemaManagementException e) {
            return List.of("Hibernate's schema validation: " + e.getMessage());
        }
    }
}
