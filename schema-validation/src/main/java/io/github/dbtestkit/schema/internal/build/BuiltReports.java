package io.github.dbtestkit.schema.internal.build;

import io.github.dbtestkit.schema.SchemaReport;
import org.apiguardian.api.API;

/**
 * Reports on databases built for the check name what built them, not the throw-away database's URL (an embedded
 * PostgreSQL's port means nothing to the reader).
 *
 * <pre>{@code
 * SchemaReport shown = BuiltReports.relabel(report, source); // "migrations classpath:db/migration (PostgreSQL)"
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BuiltReports {

    private BuiltReports() {
    }

    /** The same report, its database described as {@code source} describes itself. */
    public static SchemaReport relabel(SchemaReport report, SchemaSource source) {
        return new SchemaReport(report.engine(), source.describe(), report.differences(), report.notes(),
                report.accepted(), report.stale());
    }
}
