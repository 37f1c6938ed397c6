package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where migrations live, as the user wrote it: {@code classpath:} (the default) or {@code filesystem:}, optionally with
 * an {@code {engine}} placeholder that becomes {@code h2}, {@code sqlite} or {@code postgresql}. A folder means Flyway;
 * a {@code .xml}, {@code .yaml}, {@code .yml}, {@code .json} or {@code .sql} changelog file means Liquibase.
 *
 * <pre>{@code
 * ResolvedMigrations resolved = MigrationLocation.parse("classpath:db/migration/{engine}")
 *         .resolve(EngineKind.SQLITE, getClass().getClassLoader()); // classpath:db/migration/sqlite
 * }</pre>
 *
 * @param text   the location exactly as written, for messages
 * @param scheme where the path is looked up
 * @param path   the path without its prefix, still holding any {@code {engine}} placeholder
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MigrationLocation(String text, Scheme scheme, String path) {

    /** The {@code {engine}} placeholder, replaced by {@link EngineKind#id()}. */
    public static final String ENGINE_PLACEHOLDER = "{engine}";

    /** The folder {@link #detect(ClassLoader)} looks for to pick Flyway. */
    public static final String DEFAULT_FLYWAY_FOLDER = "db/migration";

    /** The folder {@link #detect(ClassLoader)} looks for to pick Liquibase. */
    public static final String DEFAULT_LIQUIBASE_FOLDER = "db/changelog";

    /** Master changelogs {@link #detect(ClassLoader)} accepts in {@value #DEFAULT_LIQUIBASE_FOLDER}, first found wins. */
    public static final List<String> DEFAULT_MASTER_CHANGELOGS = List.of(
            "db/changelog/db.changelog-master.yaml",
            "db/changelog/db.changelog-master.yml",
            "db/changelog/db.changelog-master.xml",
            "db/changelog/db.changelog-master.json",
            "db/changelog/db.changelog-master.sql");

    private static final List<String> CHANGELOG_EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json", ".sql");
    // Two letters or more, so that a Windows drive letter (C:\...) is not taken for a prefix.
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    /** How a location's path is looked up. */
    public enum Scheme {
        /** On the class loader's classpath, in folders or in jars. */
        CLASSPATH("classpath:"),
        /** On the file system, relative paths from the working directory. */
        FILESYSTEM("filesystem:");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix as written in a location: {@code classpath:}. */
        public String prefix() {
            return prefix;
        }
    }

    /**
     * Parses a location as written in {@code @DatabaseTest(migrations)}.
     *
     * @throws MigrationException for a blank location, an unknown prefix or an unknown placeholder
     */
    public static MigrationLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new MigrationException("The migrations location is blank: write a Flyway folder such as "
                    + "classpath:db/migration, or a Liquibase changelog such as classpath:db/changelog/db.changelog-master.yaml.");
        }
        String text = location.trim();
        Scheme scheme = Scheme.CLASSPATH;
        String path = text;
        Matcher prefix = PREFIX.matcher(text);
        if (prefix.find()) {
            String name = prefix.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("classpath")) {
                scheme = Scheme.CLASSPATH;
            } else if (name.equals("filesystem")) {
                scheme = Scheme.FILESYSTEM;
            } else {
                throw new MigrationException("Migration location " + text + " has an unknown prefix '" + prefix.group(1)
                        + ":': use classpath: (the default) or filesystem:.");
            }
            path = text.substring(prefix.end());
        }
        Matcher placeholder = PLACEHOLDER.matcher(path);
        while (placeholder.find()) {
            if (!placeholder.group().equals(ENGINE_PLACEHOLDER)) {
                throw new MigrationException("Migration location " + text + " uses the placeholder " + placeholder.group()
                        + ", which dbtestkit does not know: use " + ENGINE_PLACEHOLDER
                        + " for per-engine folders (h2, sqlite, postgresql).");
            }
        }
        if (scheme == Scheme.CLASSPATH) {
            path = stripSlashes(path);
        } else {
            path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
        if (path.isEmpty()) {
            throw new MigrationException("Migration location " + text + " names no folder or file: write e.g. "
                    + scheme.prefix() + "db/migration.");
        }
        return new MigrationLocation(text, scheme, path);
    }

    /**
     * The location the test should use when none is written: {@code classpath:db/migration/{engine}} when
     * {@code db/migration} holds a folder per engine, else {@code classpath:db/migration} when it exists, else the
     * master changelog in {@code db/changelog} ({@link #DEFAULT_MASTER_CHANGELOGS}), else empty.
     *
     * @throws MigrationException when both folders exist (the choice must be written down), or when
     *                            {@code db/changelog} exists without a master changelog
     */
    public static Optional<MigrationLocation> detect(ClassLoader classLoader) {
        boolean flyway = classLoader.getResource(DEFAULT_FLYWAY_FOLDER) != null;
        boolean liquibase = classLoader.getResource(DEFAULT_LIQUIBASE_FOLDER) != null;
        if (flyway && liquibase) {
            throw new MigrationException("Both " + DEFAULT_FLYWAY_FOLDER + " (Flyway) and " + DEFAULT_LIQUIBASE_FOLDER
                    + " (Liquibase) exist on the test classpath: say which to use with @DatabaseTest(migrations = ...).");
        }
        if (flyway) {
            for (EngineKind engine : EngineKind.values()) {
                if (classLoader.getResource(DEFAULT_FLYWAY_FOLDER + "/" + engine.id()) != null) {
                    return Optional.of(parse("classpath:" + DEFAULT_FLYWAY_FOLDER + "/" + ENGINE_PLACEHOLDER));
                }
            }
            return Optional.of(parse("classpath:" + DEFAULT_FLYWAY_FOLDER));
        }
        if (liquibase) {
            return Optional.of(DEFAULT_MASTER_CHANGELOGS.stream()
                    .filter(changelog -> classLoader.getResource(changelog) != null)
                    .findFirst()
                    .map(changelog -> parse("classpath:" + changelog))
                    .orElseThrow(() -> new MigrationException(DEFAULT_LIQUIBASE_FOLDER
                            + " exists on the test classpath but holds no master changelog: add "
                            + DEFAULT_MASTER_CHANGELOGS.get(0) + " (or .yml, .xml, .json, .sql), or name the changelog "
                            + "with @DatabaseTest(migrations = \"classpath:db/changelog/<file>\").")));
        }
        return Optional.empty();
    }

    /** Whether the path holds {@code {engine}}, so that each engine gets its own scripts. */
    public boolean hasEnginePlaceholder() {
        return path.contains(ENGINE_PLACEHOLDER);
    }

    /** Liquibase for a changelog file ({@code .xml}, {@code .yaml}, {@code .yml}, {@code .json}, {@code .sql}), else Flyway. */
    public MigrationTool tool() {
        String lower = path.toLowerCase(Locale.ROOT);
        return CHANGELOG_EXTENSIONS.stream().anyMatch(lower::endsWith) ? MigrationTool.LIQUIBASE : MigrationTool.FLYWAY;
    }

    /**
     * Replaces {@code {engine}}, checks that the folder or changelog exists and holds migrations, and reads every
     * file for the checksum.
     *
     * @throws MigrationException naming the location (and what it resolved to) when it does not exist or is empty
     */
    public ResolvedMigrations resolve(EngineKind engine, ClassLoader classLoader) {
        return resolve(engine, classLoader, "@DatabaseTest(migrations)", "the test classpath");
    }

    /**
     * As {@link #resolve(EngineKind, ClassLoader)}, for callers other than the JUnit extension (the CLI): messages name
     * {@code setting} ({@code --migrations}) where the user wrote the location and {@code classpathName} ({@code the
     * --classpath}) for where {@code classpath:} locations are looked up.
     */
    public ResolvedMigrations resolve(EngineKind engine, ClassLoader classLoader, String setting, String classpathName) {
        String resolvedPath = path.replace(ENGINE_PLACEHOLDER, engine.id());
        String resolvedText = scheme.prefix() + resolvedPath;
        MigrationTool tool = tool();
        if (scheme == Scheme.CLASSPATH) {
            if (classLoader.getResource(resolvedPath) == null) {
                throw notFound(engine, resolvedText, "does not exist on " + classpathName, setting);
            }
            LocationFiles files = tool == MigrationTool.FLYWAY
                    ? LocationFiles.ofClasspathFolder(classLoader, resolvedPath)
                    : LocationFiles.ofClasspathChangelog(classLoader, resolvedPath);
            return new ResolvedMigrations(this, engine, tool, resolvedText, resolvedPath, classLoader,
                    checkNotEmpty(files, engine, resolvedText, setting));
        }
        Path file = Path.of(resolvedPath).toAbsolutePath().normalize();
        boolean exists = tool == MigrationTool.FLYWAY ? Files.isDirectory(file) : Files.isRegularFile(file);
        if (!exists) {
            throw notFound(engine, resolvedText, "does not exist: there is no "
                    + (tool == MigrationTool.FLYWAY ? "folder " : "file ") + file, setting);
        }
        LocationFiles files = tool == MigrationTool.FLYWAY
                ? LocationFiles.ofFilesystemFolder(file)
                : LocationFiles.ofFilesystemChangelog(file);
        return new ResolvedMigrations(this, engine, tool, resolvedText, file.toString(), classLoader,
                checkNotEmpty(files, engine, resolvedText, setting));
    }

    private LocationFiles checkNotEmpty(LocationFiles files, EngineKind engine, String resolvedText, String setting) {
        if (tool() == MigrationTool.FLYWAY && !files.hasMigrationScripts()) {
            throw new MigrationException("Migration location " + describe(engine, resolvedText)
                    + " holds no migrations: add V1__<description>.sql (Flyway's naming), or point "
                    + setting + " at the folder that holds them.");
        }
        return files;
    }

    private MigrationException notFound(EngineKind engine, String resolvedText, String problem, String setting) {
        String next = hasEnginePlaceholder()
                ? ": add that folder, or drop " + engine.displayName() + " from the "
                        + (setting.startsWith("@") ? "class's engines." : "engines.")
                : ": check the path in " + setting + ".";
        return new MigrationException("Migration location " + describe(engine, resolvedText) + " " + problem + next);
    }

    private String describe(EngineKind engine, String resolvedText) {
        return hasEnginePlaceholder()
                ? text + " (" + resolvedText + " for " + engine.displayName() + ")"
                : text;
    }

    private static String stripSlashes(String path) {
        String result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    @Override
    public String toString() {
        return text;
    }
}
