package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
/**
 * The renderings of a {@link SchemaReport}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("schema." + ReportFormat.MARKDOWN.fileExtension()), report.render(ReportFormat.MARKDOWN));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ReportFormat {
    /** Compiler-style, one finding per line, grouped by table. */
    TEXT("txt"),
    /** A documented, stable JSON schema. */
    JSON("json"),
    /** Fits a CI job summary. */
    MARKDOWN("md"),
    /** One testcase per table, so CI test tabs show drift. */
    JUNIT_XML("xml"),
    /** A self-contained page. */
    HTML("html");

    private final String fileExtension;

    ReportFormat(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    /** The file name extension of this rendering, without the dot: {@code md} for MARKDOWN. */
    public String fileExtension() {
        return fileExtension;
    }
}
