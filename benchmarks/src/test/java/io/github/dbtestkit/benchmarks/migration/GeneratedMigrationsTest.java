package io.github.dbtestkit.benchmarks.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedMigrationsTest {

    @TempDir
    Path folder;

    @Test
    void flywayGetsOneVersionedScriptPerMigrationWithTheMarkerInTheFirst() throws IOException {
        Path location = GeneratedMigrations.FLYWAY.write(folder, 4, "round 7");

        assertThat(location).isEqualTo(folder);
        assertThat(names(folder)).containsExactly("V1__create_bench_t1.sql", "V2__create_bench_t2.sql",
                "V3__add_note_3_to_bench_t2.sql", "V4__create_bench_t4.sql");
        assertThat(Files.readString(folder.resolve("V1__create_bench_t1.sql"))).startsWith("-- round 7\nCREATE TABLE bench_t1 (");
        assertThat(Files.readString(folder.resolve("V3__add_note_3_to_bench_t2.sql")))
                .isEqualTo("ALTER TABLE bench_t2 ADD COLUMN note_3 VARCHAR(100);\n");
    }

    @Test
    void rewritingTheFolderReplacesTheScriptsOfTheLastRound() throws IOException {
        GeneratedMigrations.FLYWAY.write(folder, 10, "round 1");

        GeneratedMigrations.FLYWAY.write(folder, 2, "round 2");

        assertThat(names(folder)).containsExactly("V1__create_bench_t1.sql", "V2__create_bench_t2.sql");
    }

    @Test
    void liquibaseGetsOneFormattedSqlChangelogWithAChangeSetPerMigration() throws IOException {
        Path location = GeneratedMigrations.LIQUIBASE.write(folder, 3, "round 1");

        assertThat(location).isEqualTo(folder.resolve("changelog.sql")).isEqualTo(GeneratedMigrations.LIQUIBASE.target(folder));
        String changelog = Files.readString(location);
        assertThat(changelog).startsWith("--liquibase formatted sql\n\n-- round 1\n");
        assertThat(changelog.split("--changeset dbtestkit-bench:", -1)).hasSize(4);
        assertThat(changelog).contains("--changeset dbtestkit-bench:3 \nALTER TABLE bench_t2 ADD COLUMN note_3 VARCHAR(100);");
    }

    @Test
    void theLastTableIsTheLastOneCreatedNotTheLastOneAltered() {
        assertThat(GeneratedMigrations.lastTable(10)).isEqualTo("bench_t10");
        assertThat(GeneratedMigrations.lastTable(300)).isEqualTo("bench_t299");
    }

    private static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .sorted(java.util.Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
                    .toList();
        }
    }
}
