package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.cli.fixture.Comment;
import io.github.dbtestkit.schema.cli.fixture.Databases;
import io.github.dbtestkit.schema.cli.fixture.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in this JVM with the real validator, against file databases built by Hibernate's create_all. */
class CheckCommandEndToEndTest {

    private static final String CLASSES = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private CliRunner.Result check(String url, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--url", url, "--classpath", CLASSES));
        args.addAll(List.of(options));
        return CliRunner.run(Validation.SCHEMA_VALIDATOR, Map.of(), args.toArray(String[]::new));
    }

    private String h2() {
        String url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);
        return url;
    }

    @Test
    void exitsZeroWhenAnH2DatabaseMatchesTheEntities() {
        CliRunner.Result result = check(h2(), "--entity", Post.class.getName(), "--entity", Comment.class.getName());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Schema check of jdbc:h2:").contains("(H2): 0 errors, 0 warnings");
    }

    @Test
    void entitiesCanBeFoundByPackage() {
        CliRunner.Result result = check(h2(), "--entities-package", Post.class.getPackageName());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void exitsOneWhenAMappedColumnIsMissing() {
        String url = h2();
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");

        CliRunner.Result result = check(url, "--entity", Post.class.getName(), "--entity", Comment.class.getName());

        assertThat(result.exitCode()).isOne();
        assertThat(result.out()).containsIgnoringCase("ERROR     posts.title").contains("MISSING_COLUMN");
    }

    @Test
    void aWarningFailsOnlyWithFailOnWarning() {
        String url = h2();
        Databases.execute(url, "ALTER TABLE posts ALTER COLUMN title SET NULL");

        CliRunner.Result lenient = check(url, "--entity", Post.class.getName(), "--entity", Comment.class.getName());
        CliRunner.Result strict = check(url, "--entity", Post.class.getName(), "--entity", Comment.class.getName(),
                "--fail-on", "warning");

        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("NULLABILITY_MISMATCH");
        assertThat(strict.exitCode()).isOne();
    }

    @Test
    void aBaselineAcceptsTheMissingColumn() throws Exception {
        String url = h2();
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");
        Path baseline = Files.writeString(dir.resolve("baseline.json"), """
                {"version": 1, "accepted": [
                  {"kind": "MISSING_COLUMN", "table": "posts", "column": "title", "reason": "Renamed next release"}
                ]}
                """);

        CliRunner.Result result = check(url, "--entity", Post.class.getName(), "--entity", Comment.class.getName(),
                "--baseline", baseline.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("ACCEPTED", "[accepted: Renamed next release]");
    }

    @Test
    void exitsZeroWhenASqliteDatabaseMatchesAndOneOnDrift() {
        String matching = "jdbc:sqlite:" + dir.resolve("blog.db").toAbsolutePath();
        Databases.createAll(matching, Post.class, Comment.class);
        String drifted = "jdbc:sqlite:" + dir.resolve("drift.db").toAbsolutePath();
        Databases.execute(drifted, "CREATE TABLE posts (id INTEGER PRIMARY KEY, body VARCHAR(255))");

        CliRunner.Result ok = check(matching, "--entity", Post.class.getName(), "--entity", Comment.class.getName());
        CliRunner.Result drift = check(drifted, "--entity", Post.class.getName(), "--format", "json");

        assertThat(ok.err()).isEmpty();
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("(SQLite): 0 errors");
        assertThat(drift.exitCode()).isOne();
        assertThat(drift.out()).contains("\"kind\" : \"MISSING_COLUMN\"", "\"column\" : \"title\"");
    }
}
