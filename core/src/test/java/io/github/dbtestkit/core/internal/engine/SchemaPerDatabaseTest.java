package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.count;
import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static io.github.dbtestkit.core.internal.engine.LocalAndExternalPostgresTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An external server whose user may not create databases: a local cluster started here with password authentication
 * stands for it, with a role {@code app} that is {@code NOCREATEDB} but may create schemas in database {@code appdb}.
 * Each database dbtestkit asks for is then a schema of {@code appdb}, and the run says so.
 */
class SchemaPerDatabaseTest {

    private static final String PASSWORD = "app-s3cret";
    @TempDir
    static Path hba;
    private static PostgresServer cluster;
    private static String appdbUrl;

    @BeforeAll
    static void startAServerWhereAppMayNotCreateDatabases() throws Exception {
        Optional<Path> bin = LocalBinaries.current().find(Optional.empty());
        assumeTrue(bin.isPresent(), "no PostgreSQL installed on this machine");
        Path hbaFile = hba.resolve("pg_hba.conf");
        Files.writeString(hbaFile, """
                local all postgres trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        cluster = PostgresProviders.startCluster(Provider.LOCAL, bin.get(), settings(Map.of()),
                new PostgresCluster.Options(Map.of("hba_file", hbaFile.toString()), Path.of(System.getProperty("java.io.tmpdir"))));
        try (Connection admin = superuser("postgres")) {
            execute(admin, "CREATE ROLE app LOGIN NOCREATEDB PASSWORD '" + PASSWORD + "'", "CREATE DATABASE appdb",
                    "GRANT CREATE ON DATABASE appdb TO app");
        }
        appdbUrl = ExternalPostgres.withDatabase(cluster.jdbcUrl(), "appdb");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Run in a child JVM: a schema on the server as {@code app}, then wait until stdin closes or the JVM is killed. */
    public static void main(String[] args) throws Exception {
        DatabaseServer server = ExternalPostgres.start(app(args[0]));
        server.createDatabase(args[1]);
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() != -1) {
            // until the test kills us
        }
    }

    @Test
    void aUserWithoutCreatedbGetsSchemasAndAWarningThatNamesTheGrant() {
        String url = appdbUrl + "?password=" + PASSWORD;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DatabaseServer server;
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            server = ExternalPostgres.start(app(url));
        } finally {
            System.setErr(err);
        }
        server.close();

        assertThat(server).isInstanceOf(PostgresSchemaServer.class);
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("WARN")))
                .containsExactly("[main] WARN PostgresSchemaServer - PostgreSQL (external) at " + appdbUrl + "?password=***: "
                        + "user 'app' may not create databases, so each database of this run is a schema of database 'appdb' "
                        + "instead, dropped with CASCADE when done (Isolation.FRESH_DATABASE needs databases and fails). "
                        + "For a database per run, grant it: ALTER ROLE app CREATEDB.");
    }

    @Test
    void eachDatabaseIsASchemaThatItsConnectionsUseAloneAndClosingDropsIt() throws SQLException {
        DatabaseServer server = ExternalPostgres.start(app(appdbUrl + "?ApplicationName=schema-test&currentSchema=public"));
        try {
            DatabaseInstance orders = server.createDatabase("schema_orders");
            DatabaseInstance other = server.createDatabase("schema_other");
            try (Connection c = orders.dataSource().getConnection(); Connection o = other.dataSource().getConnection()) {
                execute(c, "CREATE TABLE orders(id INT PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
                execute(o, "CREATE TABLE orders(id INT PRIMARY KEY)");
                assertThat(current(c)).isEqualTo("appdb schema_orders app");
                assertThat(count(c, "orders")).isEqualTo(1);
                assertThat(count(o, "orders")).as("the other schema's table of the same name").isZero();
            }
            assertThat(orders.jdbcUrl()).isEqualTo(appdbUrl + "?ApplicationName=schema-test&currentSchema=schema_orders");
            assertThat(orders.username()).isEqualTo("app");
            assertThat(schemas()).contains("schema_orders", "schema_other");

            orders.close();

            assertThat(schemas()).doesNotContain("schema_orders").contains("schema_other");
        } finally {
            server.close();
        }
        assertThat(schemas()).as("closing the server drops the schemas still open").doesNotContain("schema_other");
    }

    @Test
    void freshDatabaseCopiesAreRefusedWithTheGrantThatAllowsThem() {
        DatabaseServer server = ExternalPostgres.start(app(appdbUrl));
        try (DatabaseInstance template = server.createDatabase("schema_template")) {
            assertThatThrownBy(() -> server.cloneDatabase(template, "schema_copy"))
                    .hasMessage("Isolation.FRESH_DATABASE needs a copy of 'schema_template' for each test, but user 'app' may "
                            + "not create databases on " + appdbUrl + ", so this run uses a schema per database in database "
                            + "'appdb', and a schema cannot be copied the way CREATE DATABASE ... TEMPLATE copies a database: "
                            + "grant it with ALTER ROLE app CREATEDB, use Isolation.ROLLBACK for this class, or set "
                            + "dbtestkit.postgresql.provider=embedded|testcontainers|local.");
        } finally {
            server.close();
        }
    }

    @Test
    void aKilledJvmsSchemasAreDroppedByTheNextRunAndOnlyThose() throws Exception {
        try (Connection admin = superuser("appdb")) {
            String deadOwner = new ProcessOwner(deadPid(), "2020-01-01T00:00:00Z", ProcessOwner.current().host(),
                    ProcessOwner.current().pidns()).marker();
            execute(admin, "CREATE SCHEMA of_another_host AUTHORIZATION app",
                    "COMMENT ON SCHEMA of_another_host IS '" + new ProcessOwner(deadPid(), "2020-01-01T00:00:00Z", "another-host", "").marker() + "'",
                    "CREATE SCHEMA of_another_user",
                    "COMMENT ON SCHEMA of_another_user IS '" + deadOwner + "'",
                    "CREATE SCHEMA not_made_by_dbtestkit AUTHORIZATION app");
        }
        DatabaseServer live = ExternalPostgres.start(app(appdbUrl));
        DatabaseInstance liveSchema = live.createDatabase("kept_by_a_live_jvm");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SchemaPerDatabaseTest.class.getName(), appdbUrl, "left_by_a_killed_jvm")
                .redirectErrorStream(true).start();
        try {
            List<String> output = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.equals("READY"); line = reader.readLine()) {
                output.add(line);
            }
            assertThat(schemas()).as("the child's schema, child output: %s", output).contains("left_by_a_killed_jvm");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("killed child ended").isTrue();
            assertThat(schemas()).as("a killed JVM drops nothing").contains("left_by_a_killed_jvm");

            PostgresSchemaServer nextRun = (PostgresSchemaServer) ExternalPostgres.start(app(appdbUrl));
            nextRun.close();

            assertThat(schemas()).doesNotContain("left_by_a_killed_jvm")
                    .contains("kept_by_a_live_jvm", "of_another_host", "of_another_user", "not_made_by_dbtestkit");
        } finally {
            child.destroyForcibly();
            liveSchema.close();
            live.close();
            try (Connection admin = superuser("appdb")) {
                execute(admin, "DROP SCHEMA IF EXISTS of_another_host, of_another_user, not_made_by_dbtestkit, left_by_a_killed_jvm CASCADE");
            }
        }
    }

    @Test
    void theSchemaReplacesACurrentSchemaOfTheUrlAndKeepsItsOtherParameters() {
        assertThat(ExternalPostgres.withSchema("jdbc:postgresql://db:5432/app", "dbt_1"))
                .isEqualTo("jdbc:postgresql://db:5432/app?currentSchema=dbt_1");
        assertThat(ExternalPostgres.withSchema("jdbc:postgresql://db/app?ssl=true&currentschema=public,ext&loglevel=2", "dbt_1"))
                .isEqualTo("jdbc:postgresql://db/app?ssl=true&loglevel=2&currentSchema=dbt_1");
    }

    private static String current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database() || ' ' || current_schemas(false)::text || ' ' || current_user")) {
            rs.next();
            return rs.getString(1).replace("{", "").replace("}", "");
        }
    }

    private static List<String> schemas() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection admin = superuser("appdb");
             PreparedStatement query = admin.prepareStatement("SELECT nspname FROM pg_namespace ORDER BY nspname");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(ExternalPostgres.withDatabase(cluster.jdbcUrl(), database), "postgres", "");
    }

    private static PostgresSettings app(String url) {
        return settings(Map.of(PostgresSettings.URL, url, PostgresSettings.USERNAME, "app", PostgresSettings.PASSWORD, PASSWORD));
    }
}
