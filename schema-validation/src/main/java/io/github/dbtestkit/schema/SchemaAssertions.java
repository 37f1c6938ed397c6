package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
import javax.sql.DataSource;

/**
 * AssertJ entry points for schema checks. Needs {@code org.assertj:assertj-core} on the test classpath (this module
 * declares it optional). Failures show the report's {@link ReportFormat#TEXT} rendering.
 *
 * <pre>{@code
 * import static io.github.dbtestkit.schema.SchemaAssertions.assertThat;
 * assertThat(dataSource).matchesEntities(Post.class, Comment.class);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    /** Assertions on a finished report. */
    public static SchemaReportAssert assertThat(SchemaReport report) {
        return new SchemaReportAssert(report);
    }

    /** Assertions that validate entities against this database. */
    public static DataSourceSchemaAssert assertThat(DataSource dataSource) {
        return new DataSourceSchemaAssert(dataSource, null);
    }
}
