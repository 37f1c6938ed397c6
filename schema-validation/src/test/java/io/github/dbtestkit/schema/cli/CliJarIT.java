package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.cli.fixture.Comment;
import io.github.dbtestkit.schema.cli.fixture.Databases;
import io.github.dbtestkit.schema.cli.fixture.Post;
import io.github.dbtestkit.schema.shopfixture.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The built CLI jar as users run it: {@code java -jar ...-cli.jar check ...} in a separate process, with the test
 * classes as the user's {@code --classpath}. Runs in the integration-test phase ({@code mvn verify}), after the
 * shade plugin has built the jar. Each of the four commands runs once, so that what each needs inside the jar (the
 * drivers, Flyway, Liquibase, JavaPoet) is proven there.
 */
class CliJarIT {

    private static final String JAR = System.getProperty("dbtestkit.cli.jar");
    private static final String USER_CLASSES = System.getProperty("dbtestkit.test.classes");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void requireTheJar() {
        assumeThat(JAR).as("dbtestkit.cli.jar is set by failsafe; run with mvn verify").isNotNull();
        assertThat(Path.of(JAR)).as("the shaded CLI jar").isRegularFile();
    }

    private Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.language=en", "-jar", JAR));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                fail("the CLI did not finish: " + command);
            }
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersionFromTheManifest() throws Exception {
        Run run = java(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("dbtestkit schema validation ").doesNotContain("development build");
    }

    @Test
    void noEntitiesIsExitTwoWithUsage() throws Exception {
        Run run = java(Map.of(), "check", "--url", "jdbc:h2:mem:x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required argument", "Usage: dbtestkit-schema check");
    }

    @Test
    void aBadUrlIsExitTwoWithOneMessageAndNoPassword() throws Exception {
        Run run = java(Map.of("SHOP_PASSWORD", "pw-9f3k2"), "check",
                "--url", "jdbc:postgresql://127.0.0.1:1/shop?password=pw-9f3k2", "--username", "app",
                "--password-env", "SHOP_PASSWORD", "--classpath", USER_CLASSES, "--entity", Post.class.getName());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Cannot connect to jdbc:postgresql://127.0.0.1:1/shop?password=***: ")
                .doesNotContain("\tat ", "SLF4J");
        assertThat(run.out() + run.err()).doesNotContain("pw-9f3k2");
    }

    @Test
    void aMissingEntityClassIsExitTwoNamingTheClass() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.execute(url, "CREATE TABLE t (id INT)");

        Run run = java(Map.of(), "check", "--url", url, "--classpath", USER_CLASSES, "--entity", "com.acme.Missing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Entity class com.acme.Missing (from --entity) was not found on the "
                + "--classpath " + USER_CLASSES + ": check the class name, package included, and the paths.\n");
    }

    @Test
    void loadsTheUsersEntitiesAndExitsZeroThenOneOnDrift() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);

        Run matching = java(Map.of(), "check", "--url", url, "--classpath", USER_CLASSES,
                "--entities-package", Post.class.getPackageName());
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");
        Path report = dir.resolve("out/schema.xml");
        Run drift = java(Map.of(), "check", "--url", url, "--classpath", USER_CLASSES,
                "--entity", Post.class.getName(), "--entity", Comment.class.getName(),
                "--format", "junit-xml", "--output", report.toString());

        assertThat(matching.err()).isEmpty();
        assertThat(matching.exitCode()).isZero();
        assertThat(drift.exitCode()).isOne();
        assertThat(Files.readString(report)).contains("<failure", "MISSING_COLUMN");
    }

    @Test
    void checksASqliteFileWithTheBundledDriver() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("blog.db").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);

        Run run = java(Map.of(), "check", "--url", url, "--classpath", USER_CLASSES,
                "--entity", Post.class.getName(), "--entity", Comment.class.getName(), "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("## Schema check: SQLite — ");
    }

    @Test
    void checkBuildsEachEnginesDatabaseFromFlywayMigrationsWithoutAServer() throws Exception {
        Run run = java(Map.of(), "check", "--migrations", "classpath:db/shop/flyway/{engine}",
                "--engines", "h2,sqlite", "--classpath", USER_CLASSES, "--entities-package", User.class.getPackageName());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Schema check of migrations classpath:db/shop/flyway/{engine} (H2): 0 errors")
                .endsWith("Engines: no drift on H2 and SQLite\n");
    }

    @Test
    void exportDdlWritesOneFilePerEngine() throws Exception {
        Path ddl = dir.resolve("ddl");

        Run run = java(Map.of(), "export-ddl", "--engines", "h2,sqlite", "--output", ddl.toString(),
                "--classpath", USER_CLASSES, "--entities-package", User.class.getPackageName());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("create_all DDL for SQLite (3 entities) written to " + ddl.resolve("sqlite.sql"));
        assertThat(Files.readString(ddl.resolve("h2.sql"))).contains("create table users (");
    }

    @Test
    void generateEntitiesWritesSourcesFromTheMigrations() throws Exception {
        Path sources = dir.resolve("src");

        Run run = java(Map.of(), "generate-entities", "--migrations", "classpath:db/shop/flyway/{engine}",
                "--engines", "sqlite", "--classpath", USER_CLASSES, "--package", "com.acme.shop",
                "--output", sources.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Generated 3 entities from migrations classpath:db/shop/flyway/{engine} "
                + "(SQLite)");
        assertThat(Files.readString(sources.resolve("com/acme/shop/Users.java")))
                .contains("@Entity", "public class Users");
    }

    @Test
    void generateMigrationFixesWhatALiquibaseChangelogLeftOut() throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.sql"), """
                -- liquibase formatted sql

                -- changeset dba:1
                CREATE TABLE users (
                    id    BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    email VARCHAR(200) NOT NULL UNIQUE
                );
                """);
        Path out = dir.resolve("migrations");

        Run run = java(Map.of(), "generate-migration", "--migrations", "filesystem:" + changelog,
                "--engines", "h2", "--classpath", USER_CLASSES, "--entity", User.class.getName(),
                "--tool", "liquibase", "--version", "2", "--name", "add_name", "--output", out.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Path script = out.resolve("h2").resolve("2-add_name.sql");
        assertThat(run.out()).startsWith("Wrote " + script + ": 1 statements to run");
        assertThat(Files.readString(script)).startsWith("-- liquibase formatted sql\n")
                .contains("add column name varchar(100);");
    }
}
