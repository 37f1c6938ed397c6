package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apiguardian.api.API;

/**
 * The run report as JSON, both ways: the layout of {@link RunReport} (documented field by field in
 * {@code docs/run-report.md}), with {@code schemaVersion} first. Derived fields ({@code differences}, {@code totals},
 * {@code differs}, {@code folded}) are written for tools and ignored when read back.
 *
 * <pre>{@code
 * String json = JsonReport.write(report);
 * RunReport again = JsonReport.read(json);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReport() {
    }

    /** The report as indented JSON. */
    public static String write(RunReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report of strings and numbers always serialises", e);
        }
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws IllegalArgumentException when it is not JSON of this layout, or of a newer {@code schemaVersion}
     */
    public static RunReport read(String json) {
        RunReport report;
        try {
            report = MAPPER.readValue(json, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a dbtestkit run report: " + e.getOriginalMessage(), e);
        }
        if (report.schemaVersion() != RunReport.SCHEMA_VERSION) {
            throw new IllegalArgumentException("A run report of schemaVersion " + report.schemaVersion()
                    + ", this dbtestkit reads " + RunReport.SCHEMA_VERSION);
        }
        return report;
    }
}
