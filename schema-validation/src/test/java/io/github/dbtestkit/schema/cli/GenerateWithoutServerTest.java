package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.shopfixture.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate-migration} and {@code generate-entities} on databases they build themselves from migrations (no
 * server), end to end through {@link Main}: the same database options as {@code check}.
 */
class GenerateWithoutServerTest {

    private static final String CLASSES = System.getProperty("java.class.path");
    private static final String SHOP = User.class.getPackageName();

    @TempDir
    Path dir;

    private static CliRunner.Result cli(String... args) {
        return CliRunner.run(Validation.SCHEMA_VALIDATOR, Map.of(), args);
    }

    private static CliRunner.Result withClasspath(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--classpath", CLASSES));
        args.addAll(List.of(options));
        return cli(args.toArray(String[]::new));
    }

    /** A copy of a test resource folder, so that generated scripts can be written next to the migrations. */
    private Path copyOf(String resource) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getClassLoader().getResource(resource).toURI());
        Path target = dir.resolve("flyway");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path each : files.toList()) {
                Files.copy(each, target.resolve(source.relativize(each).toString()));
            }
        }
        return target;
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void generateMigrationWritesAScriptOnlyForTheDriftingEngineAndApplyingItFixesTheDrift() throws Exception {
        Path flyway = copyOf("db/shop-drift/flyway");
        String location = "filesystem:" + flyway + "/{engine}";

        CliRunner.Result generated = withClasspath("generate-migration", "--migrations", location,
                "--engines", "h2,postgresql", "--entities-package", SHOP, "--output", flyway.toString(),
                "--name", "widen_user_name");
        CliRunner.Result checked = withClasspath("check", "--migrations", location, "--engines", "h2,postgresql",
                "--entities-package", SHOP);

        assertThat(generated.err()).isEmpty();
        assertThat(generated.exitCode()).isZero();
        Path script = flyway.resolve("postgresql").resolve("V4__widen_user_name.sql");
        assertThat(generated.out()).isEqualTo("Nothing to do: the H2 database matches the entities; no migration "
                + "written.\nWrote " + script + ": 1 statements to run, 0 left commented out for review (see the "
                + "WARNING lines).\n");
        assertThat(Files.readString(script)).contains("alter table if exists users alter column name set data type varchar(100);");
        assertThat(fileNames(flyway.resolve("h2")))
                .containsExactly("V1__create_users.sql", "V2__create_products.sql", "V3__create_orders.sql");
        assertThat(checked.err()).isEmpty();
        assertThat(checked.exitCode()).as("check with the generated script among the migrations").isZero();
        assertThat(checked.out()).endsWith("Engines: no drift on H2 and PostgreSQL\n");
    }

    @Test
    void generateMigrationWithoutADatabaseSaysHowToNameOne() {
        CliRunner.Result result = withClasspath("generate-migration", "--entities-package", SHOP,
                "--output", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: No database: give --url URL for a running database, or build "
                + "one per engine with --migrations LOCATION");
    }

    @Test
    void generateEntitiesReadsTheTablesTheMigrationsBuildOnTheOneEngineNamed() throws Exception {
        Path sources = dir.resolve("src");

        CliRunner.Result result = withClasspath("generate-entities", "--migrations",
                "classpath:db/shop/flyway/{engine}", "--engines", "h2", "--package", "com.acme.shop",
                "--output", sources.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Generated 3 entities from migrations classpath:db/shop/flyway/{engine} "
                + "(H2) under " + sources + ":\n");
        assertThat(fileNames(sources.resolve("com/acme/shop")))
                .containsExactly("Orders.java", "Products.java", "Users.java");
        assertThat(Files.readString(sources.resolve("com/acme/shop/Users.java"))).contains("@Table(", "\"users\"");
    }

    @Test
    void generateEntitiesRefusesSeveralEnginesAndNamesOne() {
        CliRunner.Result result = withClasspath("generate-entities", "--migrations",
                "classpath:db/shop/flyway/{engine}", "--engines", "h2,postgresql", "--package", "com.acme.shop",
                "--output", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: generate-entities writes one set of classes, and --engines names 2 "
                + "(h2,postgresql): name the one whose column types the classes should follow, e.g. --engines "
                + "postgresql.\n");
    }

    @Test
    void generateEntitiesRefusesCreateAll() {
        CliRunner.Result result = cli("generate-entities", "--schema", "create_all", "--engines", "h2",
                "--package", "com.acme.shop", "--output", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: --schema create_all builds tables from entities, which "
                + "generate-entities is to write: build the database with --migrations LOCATION or --schema-sql "
                + "FILE, or read one with --url.\n");
    }

    @Test
    void generateEntitiesWithCredentialsButNoUrlSaysTheyApplyToUrlOnly() {
        CliRunner.Result result = cli("generate-entities", "--migrations", "classpath:db/shop/flyway/{engine}",
                "--engines", "h2", "--username", "app", "--package", "com.acme.shop", "--output", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: --username applies to --url only: the databases built by "
                + "--migrations need no credentials; drop it.\n");
    }

    @Test
    void everyCommandThatReadsADatabaseTakesTheSameDatabaseOptions() {
        for (String command : List.of("check", "generate-entities", "generate-migration")) {
            CliRunner.Result help = cli(command, "--help");

            assertThat(help.err()).as(command + " --help").isEmpty();
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).as(command + " --help").contains("--url=URL", "--username=U",
                    "--password-env=VAR", "--migrations=LOCATION", "--schema=MODE", "--schema-sql=FILE...",
                    "--engines=LIST", "--classpath=PATHS");
        }
    }
}
