package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
/**
 * The renderings of a {@link SchemaReport}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("schema.md"), report.render(ReportFormat.MARKDOWN));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ReportFormat {
    /** Compiler-style, one finding per line, grouped by table. */
    TEXT,
    /** A documented, stable JSON schema. */
    JSON,
    /** Fits a CI job summary. */
    MARKDOWN,
    /** One testcase per table, so CI test tabs show drift. */
    JUNIT_XML,
    /** A self-contained page. */
    HTML
}
