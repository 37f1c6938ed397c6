package io.github.dbtestkit;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.migrated.UserWithPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run against a PostgreSQL server reached with a password (in the settings and in the URL) writes that password
 * nowhere: not in a log line, an exception message, a report file or a {@code toString()}. The run goes through the
 * paths that print the most: start-up logging, schema validation with drift (reports in every format), a failing
 * migration and an unreachable role.
 */
class NoPasswordLeaksTest {

    private static final String PASSWORD = "Pw-7f3c9e2a-secret";
    private static DatabaseProvisioner own;
    private static DatabaseServer server;

    @BeforeAll
    static void startAServerWithAPasswordProtectedRole() throws SQLException {
        own = new DatabaseProvisioner(PostgresSettings.defaults());
        server = own.server(EngineKind.POSTGRESQL);
        try (var db = server.createDatabase("leak_admin"); Connection admin = db.dataSource().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE leak_app LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() {
        own.close();
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = UserWithPhone.class,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class Drifting {
        @Test
        void runs() {
        }
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, migrations = "classpath:migration-fixtures/flyway/broken")
    static class BrokenMigration {
        @Test
        void runs() {
        }
    }

    @Test
    void thePasswordAppearsInNoLogMessageReportOrToString(@TempDir Path reports) throws IOException {
        String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "password=" + PASSWORD;
        Map<String, String> configuration = Map.of(PostgresSettings.URL, url, PostgresSettings.USERNAME, "leak_app",
                PostgresSettings.PASSWORD, PASSWORD, Settings.REPORT_DIR, reports.toString());
        Map<String, String> wrongUser = Map.of(PostgresSettings.URL, url, PostgresSettings.USERNAME, "no_such_role",
                PostgresSettings.PASSWORD, PASSWORD, Settings.REPORT_DIR, reports.toString());

        List<String> seen = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            for (EngineExecutionResults results : List.of(TestKit.run(Drifting.class, configuration),
                    TestKit.run(BrokenMigration.class, configuration), TestKit.run(Drifting.class, wrongUser))) {
                assertThat(TestKit.failures(results)).as("each run fails, so its messages are searched").isNotEmpty();
                seen.addAll(TestKit.failures(results));
                failures.addAll(TestKit.failures(results));
                results.allEvents().failed().stream()
                        .flatMap(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).stream())
                        .flatMap(r -> r.getThrowable().stream())
                        .forEach(t -> seen.add(stackTrace(t)));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        seen.add(captured.toString(StandardCharsets.UTF_8));
        Settings settings = Settings.from(key -> java.util.Optional.ofNullable(configuration.get(key)), configuration.keySet());
        seen.add(settings.toString());
        seen.add(settings.postgresql().toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            seen.add(file + ": " + Files.readString(file, StandardCharsets.UTF_8));
        }

        assertThat(files).as("schema reports were written in %s; the runs failed with %s", reports, failures).isNotEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("the run logged").contains("PostgreSQL");
        assertThat(seen).noneMatch(text -> text.contains(PASSWORD));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter writer = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(writer));
        return writer.toString();
    }
}
