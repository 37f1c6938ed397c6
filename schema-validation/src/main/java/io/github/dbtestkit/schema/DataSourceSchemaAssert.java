package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.baseline.Baseline;
import org.assertj.core.api.AbstractAssert;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * AssertJ assertions that validate entity mappings against a live database. {@code matchesEntities} fails on
 * errors only, like {@code @DatabaseTest(validateSchema = true)}; to be strict about warnings too, take the report:
 * {@code schemaReportFor(Post.class).hasNoWarnings()}.
 *
 * <pre>{@code
 * assertThat(dataSource).matchesEntities(Post.class, Comment.class);
 * assertThat(dataSource).withBaseline(Path.of("schema-baseline.json")).schemaReportFor(Post.class).hasNoWarnings();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DataSourceSchemaAssert extends AbstractAssert<DataSourceSchemaAssert, DataSource> {

    private final Baseline baseline;

    DataSourceSchemaAssert(DataSource actual, Baseline baseline) {
        super(actual, DataSourceSchemaAssert.class);
        this.baseline = baseline;
    }

    /** Accepts the differences this baseline file lists (see {@link Baseline}) in the checks that follow. */
    public DataSourceSchemaAssert withBaseline(Path baselineFile) {
        return new DataSourceSchemaAssert(actual, Baseline.read(baselineFile));
    }

    /** Validates these entity classes against the database and fails, with the text report, on any error. */
    public DataSourceSchemaAssert matchesEntities(Class<?>... entities) {
        List<Class<?>> list = entityList(entities, "matchesEntities");
        SchemaReport report = validate(SchemaValidator.forEntities(entities));
        failOnErrors(report, "the entities " + list.stream().map(Class::getSimpleName).toList());
        return this;
    }

    /** Validates the entities of these packages against the database and fails, with the text report, on errors. */
    public DataSourceSchemaAssert matchesEntitiesIn(String... packages) {
        if (packages == null || packages.length == 0) {
            throw new IllegalArgumentException("matchesEntitiesIn needs at least one package, e.g. "
                    + "matchesEntitiesIn(\"com.acme.model\").");
        }
        SchemaReport report = validate(SchemaValidator.forPackages(packages));
        failOnErrors(report, "the entities in " + List.of(packages));
        return this;
    }

    /** Validates these entity classes and hands over the report for finer assertions. */
    public SchemaReportAssert schemaReportFor(Class<?>... entities) {
        entityList(entities, "schemaReportFor");
        return new SchemaReportAssert(validate(SchemaValidator.forEntities(entities))).as(descriptionText());
    }

    private SchemaReport validate(SchemaValidator validator) {
        isNotNull();
        SchemaReport report = validator.against(actual).validate();
        return baseline == null ? report : baseline.applyTo(report);
    }

    private void failOnErrors(SchemaReport report, String what) {
        int errors = report.differences(Severity.ERROR).size();
        if (errors > 0) {
            failWithMessage("%s", "Expected the database to match " + what + ", but found " + errors
                    + (errors == 1 ? " error" : " errors") + ":\n\n" + report.render(ReportFormat.TEXT));
        }
    }

    private static List<Class<?>> entityList(Class<?>[] entities, String method) {
        if (entities == null || entities.length == 0) {
            throw new IllegalArgumentException(method + " needs at least one entity class, e.g. " + method
                    + "(Post.class, Comment.class).");
        }
        for (Class<?> entity : entities) {
            Objects.requireNonNull(entity, method + " was given a null entity class");
        }
        return List.of(entities);
    }
}
