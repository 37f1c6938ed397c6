package io.github.dbtestkit.schema.internal.report;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;

/**
 * Renders a {@link SchemaReport} in each {@link ReportFormat}; {@link SchemaReport#render(ReportFormat)} delegates
 * here. The formats are documented in {@code docs/reports-and-cli.md}.
 *
 * <pre>{@code
 * String junit = ReportRenderers.render(report, ReportFormat.JUNIT_XML);
 * Files.writeString(Path.of("target/schema.xml"), junit);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportRenderers {

    private ReportRenderers() {
    }

    /** The report in that format. */
    public static String render(SchemaReport report, ReportFormat format) {
        ReportModel model = new ReportModel(report);
        return switch (format) {
            case TEXT -> TextRenderer.render(model);
            case JSON -> JsonRenderer.render(model);
            case MARKDOWN -> MarkdownRenderer.render(model);
            case JUNIT_XML -> JUnitXmlRenderer.render(model);
            case HTML -> HtmlRenderer.render(model);
        };
    }

    /** The counts every rendering shows: {@code 2 errors, 1 warning, 0 infos, 1 accepted, 0 stale baseline entries}. */
    public static String summary(SchemaReport report) {
        return new ReportModel(report).counts().sentence();
    }
}
