package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@link MigrationLocation} resolved for one engine: the tool that applies it, the folder or changelog it names,
 * and a checksum of its content, so that a schema built from it can be cached and rebuilt when a migration changes.
 *
 * <pre>{@code
 * ResolvedMigrations resolved = MigrationLocation.parse("classpath:db/migration").resolve(EngineKind.H2, loader);
 * String cacheKey = resolved.checksum(); // changes when a migration file is edited, added or removed
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResolvedMigrations {

    private final MigrationLocation location;
    private final EngineKind engine;
    private final MigrationTool tool;
    private final String resolvedText;
    private final String resolvedPath;
    private final ClassLoader classLoader;
    private final List<String> files;
    private final String checksum;

    ResolvedMigrations(MigrationLocation location, EngineKind engine, MigrationTool tool, String resolvedText,
                       String resolvedPath, ClassLoader classLoader, LocationFiles files) {
        this.location = location;
        this.engine = engine;
        this.tool = tool;
        this.resolvedText = resolvedText;
        this.resolvedPath = resolvedPath;
        this.classLoader = classLoader;
        this.files = files.entries().stream().map(LocationFiles.Entry::relativePath).toList();
        this.checksum = files.checksum(tool + " " + resolvedText);
    }

    /** The location as the user wrote it. */
    public MigrationLocation location() {
        return location;
    }

    /** The engine the location was resolved for. */
    public EngineKind engine() {
        return engine;
    }

    /** Flyway for a folder, Liquibase for a changelog file. */
    public MigrationTool tool() {
        return tool;
    }

    /** The location with {@code {engine}} replaced, with its prefix: {@code classpath:db/migration/sqlite}. */
    public String resolvedLocation() {
        return resolvedText;
    }

    /**
     * A SHA-256 (hex) of every file the migrations may read, with their relative paths: the Flyway folder, or
     * everything under the Liquibase changelog's folder (only the changelog itself when it sits at the classpath root).
     */
    public String checksum() {
        return checksum;
    }

    /** The files the checksum covers, relative to the folder, in order. */
    public List<String> files() {
        return files;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    boolean onClasspath() {
        return location.scheme() == MigrationLocation.Scheme.CLASSPATH;
    }

    /** For Flyway: the location in Flyway's own syntax. */
    String flywayLocation() {
        return onClasspath() ? "classpath:" + resolvedPath : "filesystem:" + resolvedPath;
    }

    /** For Liquibase: the changelog path its resource accessor resolves (classpath path, or file name in its folder). */
    String changelogPath() {
        return onClasspath() ? resolvedPath : Path.of(resolvedPath).getFileName().toString();
    }

    /** For a filesystem changelog: the folder its resource accessor is rooted at. */
    Path changelogFolder() {
        return Path.of(resolvedPath).getParent();
    }

    @Override
    public String toString() {
        return tool.displayName() + " " + resolvedText;
    }
}
