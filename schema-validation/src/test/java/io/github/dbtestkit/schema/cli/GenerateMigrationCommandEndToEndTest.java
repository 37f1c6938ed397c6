package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.cli.fixture.Comment;
import io.github.dbtestkit.schema.cli.fixture.Databases;
import io.github.dbtestkit.schema.cli.fixture.Post;
import io.github.dbtestkit.core.internal.sql.SqlScript;
import io.github.dbtestkit.core.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate-migration} through Main, in this JVM, against H2 file databases built by create_all. */
class GenerateMigrationCommandEndToEndTest {

    private static final String CLASSES = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private CliRunner.Result run(String command, String url, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--url", url, "--classpath", CLASSES,
                "--entity", Post.class.getName(), "--entity", Comment.class.getName()));
        args.addAll(List.of(options));
        return CliRunner.run(Validation.SCHEMA_VALIDATOR, Map.of(), args.toArray(String[]::new));
    }

    private String h2WithoutTitle() {
        String url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");
        return url;
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void writesAFlywayScriptUnderTheEngineFolderThatMakesTheCheckPass() throws IOException {
        String url = h2WithoutTitle();
        Path out = dir.resolve("migrations");

        CliRunner.Result result = run("generate-migration", url, "--output", out.toString(), "--name", "add_title",
                "--version", "7");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        Path script = out.resolve("h2").resolve("V7__add_title.sql");
        assertThat(result.out()).contains("Wrote " + script).contains("1 statements to run");
        String sql = Files.readString(script);
        assertThat(sql).contains("alter table if exists posts add column title varchar(200);")
                .contains("-- TODO backfill posts.title, then SET NOT NULL");
        Databases.execute(url, SqlScript.split(sql).stream().map(SqlStatement::sql).toArray(String[]::new));
        assertThat(run("check", url).exitCode()).as("check after applying the migration").isZero();
    }

    @Test
    void versionIsOneAboveTheHighestInFlywaysHistory() throws IOException {
        String url = h2WithoutTitle();
        Databases.execute(url, "create table flyway_schema_history (installed_rank integer primary key,"
                + " version varchar(50))", "insert into flyway_schema_history values (1, '1'), (2, '2.1'), (3, null)");
        Path out = dir.resolve("migrations");

        CliRunner.Result result = run("generate-migration", url, "--output", out.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(files(out)).containsExactly(out.resolve("h2").resolve("V3__fix_schema_drift.sql"));
    }

    @Test
    void liquibaseGetsAFormattedSqlChangelog() throws IOException {
        String url = h2WithoutTitle();
        Path out = dir.resolve("changelogs");

        CliRunner.Result result = run("generate-migration", url, "--output", out.toString(), "--tool", "liquibase",
                "--version", "20250101120000", "--name", "add_title");

        assertThat(result.exitCode()).isZero();
        String changelog = Files.readString(out.resolve("h2").resolve("20250101120000-add_title.sql"));
        assertThat(changelog).startsWith("-- liquibase formatted sql\n")
                .contains("-- changeset dbtestkit:20250101120000-add_title\n")
                .contains("add column title varchar(200);");
    }

    @Test
    void nothingToDoWritesNoFileAndSaysSo() throws IOException {
        String url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);
        Path out = dir.resolve("migrations");

        CliRunner.Result result = run("generate-migration", url, "--output", out.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Nothing to do: the H2 database matches the entities; no migration written.");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void anUnknownToolIsAUsageError() {
        CliRunner.Result result = run("generate-migration", h2WithoutTitle(), "--output", dir.toString(),
                "--tool", "alembic");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--tool").contains("alembic").contains("FLYWAY, LIQUIBASE");
    }

    @Test
    void aNameWithSpacesIsAUsageErrorThatSaysWhatANameMayHold() {
        CliRunner.Result result = run("generate-migration", h2WithoutTitle(), "--output", dir.toString(),
                "--name", "add title");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--name add title must be letters, digits and '_'");
    }

    @Test
    void aBadVersionIsAUsageError() {
        CliRunner.Result result = run("generate-migration", h2WithoutTitle(), "--output", dir.toString(),
                "--version", "v3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Migration version 'v3' is not a version").contains("--version");
    }

    @Test
    void outputIsRequired() {
        CliRunner.Result result = run("generate-migration", h2WithoutTitle());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--output=DIR'");
    }
}
