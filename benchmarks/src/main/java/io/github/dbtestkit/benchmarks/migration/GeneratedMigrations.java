package io.github.dbtestkit.benchmarks.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated migrations, valid on H2, SQLite and PostgreSQL: two in three create a small table (id, a not-null name, a
 * timestamp), every third adds a column to the table created last, as a project's history does. Written either as
 * Flyway scripts ({@code V1__create_bench_t1.sql} onwards, in a folder) or as one Liquibase formatted-SQL changelog
 * with a change set per migration. A marker comment gives each round of a benchmark its own checksum, and therefore a
 * newly migrated database, while the statements stay the same.
 *
 * <pre>{@code
 * String location = GeneratedMigrations.FLYWAY.write(folder, 100, "round-3"); // filesystem:/tmp/.../n100
 * String last = GeneratedMigrations.lastTable(100); // bench_t99
 * }</pre>
 */
enum GeneratedMigrations {

    /** Flyway scripts in the folder; the location is the folder. */
    FLYWAY("Flyway") {
        @Override
        Path write(Path folder, int count, String marker) throws IOException {
            clear(folder);
            List<String> statements = statements(count);
            for (int version = 1; version <= count; version++) {
                String sql = statements.get(version - 1) + "\n";
                if (version == 1) {
                    sql = "-- " + marker + "\n" + sql;
                }
                Files.writeString(folder.resolve("V" + version + "__" + description(version) + ".sql"), sql,
                        StandardCharsets.UTF_8);
            }
            return folder;
        }
    },

    /** One formatted-SQL changelog, {@code changelog.sql}, in the folder; the location is that file. */
    LIQUIBASE("Liquibase") {
        @Override
        Path write(Path folder, int count, String marker) throws IOException {
            clear(folder);
            StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n-- " + marker + "\n");
            List<String> statements = statements(count);
            for (int version = 1; version <= count; version++) {
                changelog.append("\n--changeset dbtestkit-bench:").append(version).append(' ')
                        .append("\n").append(statements.get(version - 1)).append("\n");
            }
            Path file = folder.resolve(CHANGELOG);
            Files.writeString(file, changelog, StandardCharsets.UTF_8);
            return file;
        }
    };

    /** The file name of the Liquibase changelog. */
    static final String CHANGELOG = "changelog.sql";

    private final String displayName;

    GeneratedMigrations(String displayName) {
        this.displayName = displayName;
    }

    /** {@code Flyway} or {@code Liquibase}. */
    String displayName() {
        return displayName;
    }

    /**
     * Replaces what {@code folder} holds with {@code count} migrations and returns what the location must name: the
     * folder (Flyway) or the changelog file (Liquibase).
     */
    abstract Path write(Path folder, int count, String marker) throws IOException;

    /** Where the migrations will be, for {@code @DatabaseTest(migrations)}, before they are written. */
    Path target(Path folder) {
        return this == FLYWAY ? folder : folder.resolve(CHANGELOG);
    }

    /** The table created last by {@code count} migrations, for a test to check that they ran. */
    static String lastTable(int count) {
        int version = count;
        while (addsColumn(version)) {
            version--;
        }
        return table(version);
    }

    /** The statements of migrations 1 to {@code count}, in order, each ending with a semicolon. */
    static List<String> statements(int count) {
        List<String> statements = new ArrayList<>();
        for (int version = 1; version <= count; version++) {
            statements.add(addsColumn(version)
                    ? "ALTER TABLE " + table(version - 1) + " ADD COLUMN note_" + version + " VARCHAR(100);"
                    : "CREATE TABLE " + table(version) + " (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL, created_at TIMESTAMP);");
        }
        return statements;
    }

    private static String description(int version) {
        return addsColumn(version) ? "add_note_" + version + "_to_" + table(version - 1) : "create_" + table(version);
    }

    private static void clear(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : (Iterable<Path>) old::iterator) {
                Files.delete(file);
            }
        }
    }

    private static boolean addsColumn(int version) {
        return version % 3 == 0;
    }

    private static String table(int version) {
        return "bench_t" + version;
    }
}
