package io.github.dbtestkit.schema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.cli.fixture.Comment;
import io.github.dbtestkit.schema.cli.fixture.Databases;
import io.github.dbtestkit.schema.cli.fixture.Post;
import io.github.dbtestkit.schema.internal.report.SampleReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command's own behaviour (options, exit codes, output, errors) against a real H2 file database, with a
 * hand-built report standing in for the validator so these tests do not depend on it.
 */
class CheckCommandTest {

    private static final String CLASSES = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private String url;
    private final List<String> validatedEntities = new ArrayList<>();
    private final List<String> validatedPackages = new ArrayList<>();
    private final Map<String, Object> validatedProperties = new java.util.TreeMap<>();

    @BeforeEach
    void createDatabase() {
        url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.execute(url, "CREATE TABLE posts (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL)");
    }

    private Validation returning(SchemaReport report) {
        return (entities, packages, properties, dataSource) -> {
            entities.forEach(e -> validatedEntities.add(e.getName()));
            validatedPackages.addAll(packages);
            validatedProperties.putAll(properties.values());
            return report;
        };
    }

    private CliRunner.Result check(SchemaReport report, String... options) {
        return check(returning(report), Map.of(), options);
    }

    private CliRunner.Result check(Validation validation, Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--url", url, "--classpath", CLASSES));
        args.addAll(List.of(options));
        return CliRunner.run(validation, env, args.toArray(String[]::new));
    }

    @Test
    void exitsZeroAndPrintsTheTextReportWhenTheDatabaseMatches() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--entity", Comment.class.getName());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(SampleReports.empty().render(ReportFormat.TEXT));
        assertThat(result.err()).isEmpty();
        assertThat(validatedEntities).containsExactly(Post.class.getName(), Comment.class.getName());
    }

    @Test
    void exitsOneOnErrors() {
        CliRunner.Result result = check(SampleReports.mixed(), "--entity", Post.class.getName());

        assertThat(result.exitCode()).isOne();
        assertThat(result.out()).contains("ERROR     posts.title");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() {
        assertThat(check(SampleReports.warningsOnly(), "--entity", Post.class.getName()).exitCode()).isZero();
        assertThat(check(SampleReports.warningsOnly(), "--entity", Post.class.getName(), "--fail-on", "warning")
                .exitCode()).isOne();
        assertThat(check(SampleReports.empty(), "--entity", Post.class.getName(), "--fail-on", "WARNING")
                .exitCode()).isZero();
    }

    @Test
    void packagesArePassedToTheValidator() {
        CliRunner.Result result = check(SampleReports.empty(), "--entities-package", "com.acme.model",
                "--entities-package", "com.acme.billing");

        assertThat(result.exitCode()).isZero();
        assertThat(validatedPackages).containsExactly("com.acme.model", "com.acme.billing");
        assertThat(validatedEntities).isEmpty();
    }

    @Test
    void validationRunsWithTheUserClassPathAsContextClassLoaderAndRestoresIt() {
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        check((entities, packages, properties, dataSource) -> {
            seen.set(Thread.currentThread().getContextClassLoader());
            return SampleReports.empty();
        }, Map.of(), "--entity", Post.class.getName());

        assertThat(seen.get().getName()).isEqualTo("dbtestkit-user-classes");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void writesEachFormatToTheOutputFileAndASummaryLineToStdout() throws Exception {
        Path json = dir.resolve("reports/nested/schema.json");
        Path xml = dir.resolve("reports/schema.xml");

        CliRunner.Result jsonRun = check(SampleReports.mixed(), "--entity", Post.class.getName(),
                "--format", "json", "--output", json.toString());
        CliRunner.Result xmlRun = check(SampleReports.mixed(), "--entity", Post.class.getName(),
                "--format", "junit-xml", "--output", xml.toString());

        assertThat(jsonRun.exitCode()).isOne();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(jsonRun.out()).isEqualTo("Schema check of jdbc:postgresql://localhost:5432/blog (PostgreSQL): "
                + "2 errors, 1 warning, 1 info, 1 accepted, 1 stale baseline entry — json report written to " + json
                + "\n");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getDocumentElement().getAttribute("name")).isEqualTo("schema [PostgreSQL]");
        assertThat(xmlRun.out()).contains("junit-xml report written to");
    }

    @Test
    void everyFormatNameIsAccepted() {
        for (String format : List.of("text", "json", "markdown", "junit-xml", "html", "JUNIT_XML")) {
            assertThat(check(SampleReports.empty(), "--entity", Post.class.getName(), "--format", format).exitCode())
                    .as(format).isZero();
        }
        assertThat(check(SampleReports.empty(), "--entity", Post.class.getName(), "--format", "html").out())
                .startsWith("<!DOCTYPE html>");
    }

    @Test
    void aBaselineAcceptsDifferencesAndItsStaleEntriesCountAsWarnings() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, """
                {"version": 1, "accepted": [
                  {"kind": "TYPE_MISMATCH", "table": "posts", "column": "title", "reason": "Migrating next sprint"},
                  {"kind": "MISSING_COLUMN", "table": "posts", "column": "body", "reason": "Dropped on purpose"},
                  {"kind": "MISSING_TABLE", "table": "tags", "reason": "Long gone"}
                ]}
                """);

        CliRunner.Result lenient = check(SampleReports.mixed(), "--entity", Post.class.getName(),
                "--baseline", baseline.toString());
        CliRunner.Result strict = check(SampleReports.mixed(), "--entity", Post.class.getName(),
                "--baseline", baseline.toString(), "--fail-on", "warning");

        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("ACCEPTED  posts.title", "[accepted: Migrating next sprint]",
                "WARNING   tags", "Stale baseline entry (" + baseline + " entry 3, line 4)");
        assertThat(strict.exitCode()).isOne();
    }

    @Test
    void aBadBaselineIsAUsageError() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"version\": 1, \"accepted\": [{\"kind\": \"NOPE\", \"table\": \"t\", "
                + "\"reason\": \"r\"}]}");

        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--baseline", baseline.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Baseline file " + baseline + " entry 1, line 1: kind 'NOPE' is "
                + "not a difference kind; use one of MISSING_TABLE,");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingEntityClassIsNamed() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", "com.acme.Nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: Entity class com.acme.Nope (from --entity) was not found on the "
                + "--classpath " + CLASSES + ": check the class name, package included, and the paths.\n");
    }

    @Test
    void aClassThatIsNotAnEntityIsNamed() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity",
                "io.github.dbtestkit.schema.cli.fixture.NotAnEntity");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: Class io.github.dbtestkit.schema.cli.fixture.NotAnEntity (from "
                + "--entity) is not annotated with @Entity: name an entity class, or use --entities-package.\n");
    }

    @Test
    void noEntitiesIsAUsageError() {
        CliRunner.Result result = check(SampleReports.empty());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Missing required argument (specify one of these): "
                + "(--entities-package=P [--entities-package=P]... | --entity=CLASS [--entity=CLASS]...)")
                .contains("Usage: dbtestkit-schema check");
    }

    @Test
    void entitiesAndPackagesCannotBeMixed() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--entities-package", "com.acme");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("are mutually exclusive");
    }

    @Test
    void anUnknownFormatListsTheFormats() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(), "--format", "pdf");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'pdf' is not a report format; use one of text, json, markdown, "
                + "junit-xml, html.");
    }

    @Test
    void aMissingDatabaseFileIsAConnectionErrorNotAnEmptyDatabase() {
        Path missing = dir.resolve("typo");

        CliRunner.Result result = CliRunner.run(returning(SampleReports.empty()), Map.of(), "check",
                "--url", "jdbc:h2:" + missing, "--entity", Post.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Cannot connect to jdbc:h2:" + missing + ": ")
                .contains("not found").endsWith(" — check --url, --username and --password-env, and that the "
                        + "database is running.\n");
        assertThat(dir.resolve("typo.mv.db")).doesNotExist();
    }

    @Test
    void aMissingSqliteFileIsNamed() {
        Path missing = dir.resolve("nope.db");

        CliRunner.Result result = CliRunner.run(returning(SampleReports.empty()), Map.of(), "check",
                "--url", "jdbc:sqlite:" + missing, "--entity", Post.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: The SQLite database file " + missing + " from --url does not "
                + "exist (looked for " + missing + "): check the path.\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aRefusedConnectionNamesTheUrlButNeverThePassword() {
        CliRunner.Result result = CliRunner.run(returning(SampleReports.empty()), Map.of("DB_PASSWORD", "s3cr3t-pw"),
                "check", "--url", "jdbc:postgresql://127.0.0.1:1/shop?password=s3cr3t-pw&connectTimeout=2",
                "--username", "app", "--password-env", "DB_PASSWORD", "--entity", Post.class.getName(), "--verbose");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Cannot connect to "
                + "jdbc:postgresql://127.0.0.1:1/shop?password=***&connectTimeout=2: ");
        assertThat(result.out() + result.err()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void aUrlNoDriverAcceptsSaysWhichDriversAreBundled() {
        CliRunner.Result result = CliRunner.run(returning(SampleReports.empty()), Map.of(), "check",
                "--url", "jdbc:oracle:thin:scott/tiger@//db:1521/x", "--entity", Post.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: No JDBC driver accepts the URL "
                + "jdbc:oracle:thin:scott/tiger@//db:1521/x: the CLI bundles H2 (jdbc:h2:), SQLite (jdbc:sqlite:) and "
                + "PostgreSQL (jdbc:postgresql:); for another database add its driver jar to --classpath.\n");
    }

    @Test
    void anUnsetPasswordVariableIsNamed() {
        CliRunner.Result result = check(returning(SampleReports.empty()), Map.of(), "--entity", Post.class.getName(),
                "--password-env", "SHOP_DB_PASSWORD");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: The environment variable SHOP_DB_PASSWORD (from --password-env) "
                + "is not set: export it with the database password, or drop --password-env.\n");
    }

    @Test
    void theOutputCannotBeUnderAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path output = file.resolve("report.json");

        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: Cannot write the report to " + output + ": cannot create the "
                + "folder " + file + " (" + file + " exists and is not a folder). Choose another --output.\n");
    }

    @Test
    void theOutputCannotBeAFolder() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--format", "json", "--output", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: Cannot write the report to " + dir + ": it is a folder; name a "
                + "file in it, e.g. --output " + dir.resolve("schema-report.json") + ".\n");
    }

    @Test
    void aMissingClassPathEntryIsNamed() {
        Path missing = dir.resolve("target/classes");

        CliRunner.Result result = CliRunner.run(returning(SampleReports.empty()), Map.of(), "check", "--url", url,
                "--classpath", missing.toString(), "--entity", Post.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: --classpath entry " + missing + " does not exist (looked for "
                + missing + "): check the path, or build the project first.\n");
    }

    @Test
    void aValidationFailureIsOneMessageAndAStackTraceOnlyWhenVerbose() {
        Validation failing = (entities, packages, properties, dataSource) -> {
            throw new IllegalArgumentException("Hibernate could not map the entities [Post]: broken",
                    new IllegalStateException("root cause"));
        };

        CliRunner.Result quiet = check(failing, Map.of(), "--entity", Post.class.getName());
        CliRunner.Result verbose = check(failing, Map.of(), "--entity", Post.class.getName(), "--verbose");

        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.err()).isEqualTo("Error: Schema validation failed: Hibernate could not map the entities "
                + "[Post]: broken (caused by IllegalStateException: root cause)\n");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).startsWith(quiet.err()).contains("\tat ");
    }

    @Test
    void noCommandIsAUsageErrorAndHelpIsNot() {
        CliRunner.Result none = CliRunner.run(returning(SampleReports.empty()), Map.of());
        CliRunner.Result help = CliRunner.run(returning(SampleReports.empty()), Map.of(), "check", "--help");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("Missing command: use one of check, export-ddl, generate-entities, "
                + "generate-migration (each with --help for its options).\n").contains("Usage: dbtestkit-schema");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--password-env=VAR", "--fail-on=LEVEL", "--baseline=FILE",
                "Report format: text, json, markdown, junit-xml,", "Exit codes:");
    }

    @Test
    void hibernatePropertiesFromAFileAndSingleOnesReachTheValidatorSingleOnesWinning() throws Exception {
        Path file = dir.resolve("hibernate.properties");
        Files.writeString(file, "hibernate.default_schema=app\nhibernate.physical_naming_strategy=from.File\n");

        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--hibernate-properties", file.toString(), "--hibernate-property",
                "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl");

        assertThat(result.exitCode()).isZero();
        assertThat(validatedProperties).containsExactly(
                Map.entry("hibernate.default_schema", "app"),
                Map.entry("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"));
    }

    @Test
    void aMalformedHibernatePropertyIsNamed() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--hibernate-property", "snake_case");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Hibernate property \"snake_case\" in --hibernate-property is not of the"
                + " form key=value");
    }

    @Test
    void theNamingPresetReachesTheValidatorAndABadOneIsNamed() {
        CliRunner.Result good = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--hibernate-property", "dbtestkit.naming=spring-boot");
        Map<String, Object> passed = Map.copyOf(validatedProperties);
        CliRunner.Result bad = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--hibernate-property", "dbtestkit.naming=boot");

        assertThat(good.exitCode()).isZero();
        assertThat(passed).isEqualTo(Map.of("dbtestkit.naming", "spring-boot"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("dbtestkit.naming=boot in --hibernate-property is not a naming preset: use"
                + " hibernate (Hibernate's defaults) or spring-boot");
    }

    @Test
    void aMissingHibernatePropertiesFileIsNamed() {
        CliRunner.Result result = check(SampleReports.empty(), "--entity", Post.class.getName(),
                "--hibernate-properties", dir.resolve("nope.properties").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The Hibernate properties file " + dir.resolve("nope.properties")
                + " (from --hibernate-properties) does not exist: check the path.");
    }
}
