package io.github.dbtestkit.schema;

/**
 * The renderings of a {@link SchemaReport}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("schema.md"), report.render(ReportFormat.MARKDOWN));
 * }</pre>
 */
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
