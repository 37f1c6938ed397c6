package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
/**
 * How much a {@link Difference} matters. The same finding has the same severity on every engine.
 *
 * <pre>{@code
 * report.differences().stream().filter(d -> d.severity() == Severity.ERROR)
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Severity {
    /** Inserts or reads will fail, or data will be lost: fix the schema or the mapping. */
    ERROR,
    /** The database enforces less than the mapping promises. */
    WARNING,
    /** Worth knowing, harmless: the database is roomier or knows more than the model. */
    INFO
}
