package io.github.dbtestkit.schema.tools;

import io.github.dbtestkit.core.EngineKind;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A generated fix-up migration for one database: its file name, its SQL, the statements it runs and the warnings of
 * what it left commented out for review.
 *
 * <pre>{@code
 * MigrationScript script = MigrationGenerator.forEntities(Post.class).against(dataSource).flyway("add_phone");
 * if (script.hasChanges()) script.writeTo(Path.of("src/main/resources/db/migration"));
 * }</pre>
 *
 * @param engine     the database's engine
 * @param tool       the migration tool it is written for
 * @param version    its version ({@code 3}, or a {@code yyyyMMddHHmmss} timestamp)
 * @param name       its name ({@code add_phone})
 * @param fileName   {@code V3__add_phone.sql} (Flyway) or {@code 3-add_phone.sql} (Liquibase)
 * @param text       the whole script
 * @param statements the statements it runs, in order, without {@code ;}
 * @param warnings   the {@code WARNING:} lines of what it leaves commented out, without the prefix
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MigrationScript(EngineKind engine, MigrationTool tool, String version, String name, String fileName,
                              String text, List<String> statements, List<String> warnings) {

    /** Copies the lists. */
    public MigrationScript {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** Whether there is anything to run or to review: false when the database already matches the entities. */
    public boolean hasChanges() {
        return !statements.isEmpty() || !warnings.isEmpty();
    }

    /**
     * Writes the script into {@code folder} (created when missing) and returns the file.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public Path writeTo(Path folder) {
        Path file = folder.resolve(fileName);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migration " + file + ": " + e.getMessage()
                    + " — choose another folder.", e);
        }
    }
}
