package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.dbtestkit.core.internal.engine.PostgresTesting.anyProcessMentions;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.databaseExists;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.portAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A JVM killed in the middle of a run ({@code kill -9}, a cancelled CI job) leaves a postmaster, its data folder and
 * databases on an external server. Two child JVMs each start an embedded cluster and create a database on a shared
 * "external" server; one is killed, the other stays alive. The next run on this host removes what the dead one left,
 * and only that.
 */
class LeftoversOfKilledRunsTest {

    @TempDir
    static Path workRoot;
    @TempDir
    static Path serverRoot;

    private static PostgresServer external;
    private static Child killed;
    private static Child alive;
    private static PostgresServer nextRun;
    private static List<String> droppedByTheNextRun;

    /** Run in a child JVM: an embedded cluster and a database on the external server, then wait until stdin closes. */
    public static void main(String[] args) throws Exception {
        DatabaseProvisioner embedded = new DatabaseProvisioner(settings(Map.of("dbtestkit.postgresql.provider", "embedded")));
        PostgresServer cluster = (PostgresServer) embedded.server(EngineKind.POSTGRESQL);
        cluster.createDatabase("inside_the_cluster");
        DatabaseProvisioner onExternal = new DatabaseProvisioner(settings(Map.of(
                "dbtestkit.postgresql.url", args[0], "dbtestkit.postgresql.username", "postgres")));
        onExternal.server(EngineKind.POSTGRESQL).createDatabase(args[1]);
        PostgresTesting.ClusterFacts facts = PostgresTesting.facts(cluster);
        System.out.println("READY " + facts.pid() + " " + facts.port() + " " + facts.directory());
        System.out.flush();
        while (System.in.read() != -1) {
            // until the test closes our stdin; then the shutdown hook stops the cluster and drops the database
        }
    }

    @BeforeAll
    static void killOneRunAndStartTheNext() throws Exception {
        assumeTrue(EmbeddedBinaries.current().available(), "no embedded PostgreSQL binaries for this platform");
        external = PostgresProviders.startCluster(Provider.EMBEDDED, EmbeddedBinaries.current().binDir(),
                settings(Map.of()), new PostgresCluster.Options(Map.of(), serverRoot));
        killed = Child.start("left_by_a_killed_jvm");
        alive = Child.start("kept_by_a_live_jvm");
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE of_another_host");
            statement.execute("COMMENT ON DATABASE of_another_host IS '"
                    + new ProcessOwner(deadPid(), "2020-01-01T00:00:00Z", "another-host", "").marker() + "'");
            statement.execute("CREATE DATABASE not_made_by_dbtestkit");
            statement.execute("CREATE DATABASE commented_by_someone");
            statement.execute("COMMENT ON DATABASE commented_by_someone IS 'the reporting team''s scratch database'");
        }

        killed.process.destroyForcibly();
        assertThat(killed.process.waitFor(60, TimeUnit.SECONDS)).as("killed child ended").isTrue();
        assertThat(ProcessHandle.of(killed.postmasterPid).map(ProcessHandle::isAlive))
                .as("the killed JVM's postmaster outlives it").isEqualTo(Optional.of(true));

        nextRun = (PostgresServer) PostgresProviders.start(Provider.EMBEDDED, settings(Map.of()), new PostgresCluster.Options(Map.of(), workRoot));
        droppedByTheNextRun = ((PostgresServer) ExternalPostgres.start(externalSettings())).dropLeftovers();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (alive != null) {
            alive.process.getOutputStream().close();
            if (!alive.process.waitFor(60, TimeUnit.SECONDS)) {
                alive.process.destroyForcibly();
            }
        }
        if (killed != null) {
            killed.process.destroyForcibly();
        }
        if (nextRun != null) {
            nextRun.close();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void theNextClusterStartStopsTheKilledJvmsPostmasterAndDeletesItsFolder() {
        assertThat(ProcessHandle.of(killed.postmasterPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(portAnswers(killed.port)).isFalse();
        assertThat(Files.exists(killed.directory)).isFalse();
        assertThat(anyProcessMentions(killed.directory)).isFalse();
    }

    @Test
    void theNextRunOnTheExternalServerDropsTheKilledJvmsDatabase() throws SQLException {
        // the killed JVM's own provisioner is gone, so the database survived until the next run connected
        assertThat(databaseExists(external, "left_by_a_killed_jvm")).isFalse();
        assertThat(droppedByTheNextRun).doesNotContain("kept_by_a_live_jvm", "of_another_host", "not_made_by_dbtestkit");
    }

    @Test
    void aLiveJvmsClusterAndDatabaseAreLeftAlone() throws SQLException {
        assertThat(ProcessHandle.of(alive.postmasterPid).map(ProcessHandle::isAlive)).isEqualTo(Optional.of(true));
        assertThat(portAnswers(alive.port)).isTrue();
        assertThat(Files.exists(alive.directory)).isTrue();
        assertThat(databaseExists(external, "kept_by_a_live_jvm")).isTrue();
    }

    @Test
    void databasesOfOtherHostsAndOfOtherToolsAreLeftAlone() throws SQLException {
        assertThat(databaseExists(external, "of_another_host")).isTrue();
        assertThat(databaseExists(external, "not_made_by_dbtestkit")).isTrue();
        assertThat(databaseExists(external, "commented_by_someone")).isTrue();
    }

    @Test
    void everyDatabaseDbtestkitCreatesNamesItsOwner() throws SQLException {
        try (Connection admin = admin(); var rs = admin.createStatement().executeQuery(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'kept_by_a_live_jvm'")) {
            assertThat(rs.next()).isTrue();
            ProcessOwner owner = ProcessOwner.parse(rs.getString(1)).orElseThrow();
            assertThat(owner.pid()).isEqualTo(alive.process.pid());
            assertThat(owner.host()).isEqualTo(ProcessOwner.current().host());
            assertThat(owner.isGone()).isFalse();
        }
    }

    @Test
    void aRecycledPidDoesNotPassForTheOwner() {
        ProcessOwner samePidOtherStart = new ProcessOwner(ProcessHandle.current().pid(), "2001-01-01T00:00:00Z",
                ProcessOwner.current().host(), ProcessOwner.current().pidns());

        assertThat(samePidOtherStart.isGone()).isTrue();
        assertThat(ProcessOwner.current().isGone()).isFalse();
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(external.jdbcUrl(), "postgres", "");
    }

    private static PostgresSettings externalSettings() {
        return settings(Map.of("dbtestkit.postgresql.url", external.jdbcUrl(), "dbtestkit.postgresql.username", "postgres"));
    }

    private static PostgresSettings settings(Map<String, String> values) {
        return PostgresSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    /** A child JVM running {@link #main}, once it said where its cluster runs. */
    private static final class Child {
        final Process process;
        final long postmasterPid;
        final int port;
        final Path directory;

        private Child(Process process, String[] ready) {
            this.process = process;
            this.postmasterPid = Long.parseLong(ready[1]);
            this.port = Integer.parseInt(ready[2]);
            this.directory = Path.of(ready[3]);
        }

        static Child start(String database) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + workRoot, "-cp", System.getProperty("java.class.path"),
                    LeftoversOfKilledRunsTest.class.getName(), external.jdbcUrl(), database)
                    .redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith("READY ")) {
                            // keep draining, so that the child never blocks on a full pipe
                            new Thread(() -> reader.lines().forEach(l -> { }), "child-output").start();
                            return line;
                        }
                        output.add(line);
                    }
                    return null;
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    return null;
                }
            });
            String line = ready.get(180, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the child JVM ended before it was ready:\n" + String.join("\n", output));
            }
            return new Child(process, line.split(" "));
        }
    }
}
