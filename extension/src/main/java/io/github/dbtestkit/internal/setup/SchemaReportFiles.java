package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a {@link SchemaReport} in every {@link ReportFormat} to {@code dbtestkit.report.dir}, as
 * {@code <name>.<extension>}: the schema validation of a prepared database and migration check 6 both write theirs
 * here. A directory that cannot be written is logged, never a test failure.
 *
 * <pre>{@code
 * Optional<Path> text = SchemaReportFiles.write(report, settings.reportDir(), "schema-h2-1a2b3c");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaReportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaReportFiles.class);

    private SchemaReportFiles() {
    }

    /** Writes every format; returns the text rendering's path, or empty when the directory cannot be written. */
    public static Optional<Path> write(SchemaReport report, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            for (ReportFormat format : ReportFormat.values()) {
                Files.writeString(dir.resolve(name + "." + format.fileExtension()), report.render(format),
                        StandardCharsets.UTF_8);
            }
            return Optional.of(dir.resolve(name + "." + ReportFormat.TEXT.fileExtension()));
        } catch (IOException e) {
            LOG.warn("dbtestkit could not write the schema report {} to {}: {}", name, dir.toAbsolutePath(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
