package io.github.dbtestkit.benchmarks.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Generated Flyway migrations, {@code V1__create_bench_t1.sql} onwards, valid on H2, SQLite and PostgreSQL: two in
 * three create a small table (id, a not-null name, a timestamp), every third adds a column to the table created last,
 * as a project's history does. The first script carries a marker comment, so that each round of a benchmark has its
 * own checksum and therefore migrates a new database, while the statements stay the same.
 *
 * <pre>{@code
 * FlywayScripts.write(folder, 100, "round-3");
 * String last = FlywayScripts.lastTable(100); // bench_t99
 * }</pre>
 */
final class FlywayScripts {

    private FlywayScripts() {
    }

    /** Replaces the {@code .sql} files in {@code folder} with {@code count} migrations. */
    static void write(Path folder, int count, String marker) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : (Iterable<Path>) old::iterator) {
                Files.delete(file);
            }
        }
        for (int version = 1; version <= count; version++) {
            String sql;
            String description;
            if (addsColumn(version)) {
                String table = table(version - 1);
                description = "add_note_" + version + "_to_" + table;
                sql = "ALTER TABLE " + table + " ADD COLUMN note_" + version + " VARCHAR(100);\n";
            } else {
                description = "create_" + table(version);
                sql = "CREATE TABLE " + table(version) + " (\n"
                        + "    id BIGINT PRIMARY KEY,\n"
                        + "    name VARCHAR(80) NOT NULL,\n"
                        + "    created_at TIMESTAMP\n"
                        + ");\n";
            }
            if (version == 1) {
                sql = "-- " + marker + "\n" + sql;
            }
            Files.writeString(folder.resolve("V" + version + "__" + description + ".sql"), sql, StandardCharsets.UTF_8);
        }
    }

    /** The table created last by {@code count} migrations, for a test to check that they ran. */
    static String lastTable(int count) {
        int version = count;
        while (addsColumn(version)) {
            version--;
        }
        return table(version);
    }

    private static boolean addsColumn(int version) {
        return version % 3 == 0;
    }

    private static String table(int version) {
        return "bench_t" + version;
    }
}
