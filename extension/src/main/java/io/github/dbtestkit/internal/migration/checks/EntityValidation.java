package io.github.dbtestkit.internal.migration.checks;

import io.github.dbtestkit.internal.migration.CheckResult;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;

import javax.sql.DataSource;
import java.util.List;

/**
 * Check 4's comparison of a migrated database with the entities, by dbtestkit's schema validation: every error it
 * finds, one line each (warnings and infos do not fail the check, as in {@code @DatabaseTest(validateSchema)}).
 *
 * <pre>{@code
 * List<String> problems = EntityValidation.problems(entities, dataSource);
 * }</pre>
 */
final class EntityValidation {

    private EntityValidation() {
    }

    /** One line per error, {@code posts.body: LENGTH_MISMATCH — ...}; empty when the schema matches. */
    static List<String> problems(EntitySet entities, HibernateProperties properties, DataSource dataSource) {
        SchemaReport report = SchemaValidator.forEntities(entities.classes().toArray(Class<?>[]::new))
                .withHibernateProperties(properties.values())
                .against(dataSource)
                .validate();
        return report.differences(Severity.ERROR).stream().map(CheckResult::line).toList();
    }
}
