package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Two JVMs running the same test classes at once against one password-protected external server, as Surefire's
 * {@code forkCount=2} does: each gets databases of its own (their names carry the fork's pid), neither sees the
 * other's rows, both pass, and no database is left on the server afterwards. Each fork is a child JVM on the test
 * class path that runs the classes through the JUnit Launcher ({@link #main}); both stop in the middle of their run,
 * once each has committed rows, so that the server holds both forks' databases at the same time.
 */
class ForksOnOneServerTest {

    private static final String PASSWORD = "Forks-51c7-s3cret";
    private static final String WROTE = "WROTE ";
    private static PasswordProtectedPostgres server;

    @BeforeAll
    static void startOneSharedServer() throws SQLException {
        server = PasswordProtectedPostgres.start();
        server.execute("postgres", "CREATE ROLE forks_app LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** In each fork: commits rows tagged with the fork's pid, waits until the other fork has done so, then counts. */
    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class}, isolation = Isolation.NONE)
    static class CommitsWhileTheOtherForkDoes {
        @Test
        void seesOnlyItsOwnRows(DataSource ds) throws Exception {
            String mine = "fork " + ProcessHandle.current().pid();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertThat(bodies(c)).as("rows before writing").isEmpty();
                for (int i = 0; i < 3; i++) {
                    s.executeUpdate("insert into posts (body) values ('" + mine + "')");
                }
                awaitTheOtherFork(c);
                assertThat(bodies(c)).containsExactly(mine, mine, mine);
            }
        }
    }

    /** Says which database this fork wrote to, then waits for the parent's go, given once both forks have written. */
    private static void awaitTheOtherFork(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            System.out.println(WROTE + rs.getString(1));
            System.out.flush();
        }
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        assertThat(go).as("the parent's go").isEqualTo("GO");
    }

    /** A fork: runs the classes given by name through the Launcher, prints a summary and exits 0 when all passed. */
    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("dbtestkit.engines", "postgresql");
        for (String name : args) {
            request.selectors(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest discovery = request.build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(failure -> System.out.println("FAILED " + failure.getTestIdentifier().getDisplayName()
                + ": " + failure.getException()));
        System.out.println("SUMMARY succeeded=" + summary.getTestsSucceededCount() + " failed=" + summary.getTotalFailureCount());
        System.out.flush();
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }

    @Test
    void twoForksOnOneServerEachGetTheirOwnDatabasesSeeOnlyTheirRowsAndLeaveNone(@TempDir Path reports) throws Exception {
        List<String> before = databases();

        Fork first = Fork.start(reports.resolve("first"));
        Fork second = Fork.start(reports.resolve("second"));
        try {
            String firstDatabase = first.wrote();
            String secondDatabase = second.wrote();

            // both forks are in the middle of their run: the server holds both databases, each with its fork's rows
            assertThat(firstDatabase).isNotEqualTo(secondDatabase).contains("_" + Long.toString(first.pid(), 36));
            assertThat(secondDatabase).contains("_" + Long.toString(second.pid(), 36));
            assertThat(server.query(firstDatabase, "select body from posts")).containsExactly(
                    "fork " + first.pid(), "fork " + first.pid(), "fork " + first.pid());
            assertThat(server.query(secondDatabase, "select body from posts")).containsExactly(
                    "fork " + second.pid(), "fork " + second.pid(), "fork " + second.pid());
            assertThat(server.query("postgres", "select usename from pg_stat_activity where datname in ('" + firstDatabase
                    + "', '" + secondDatabase + "') and usename is not null")).as("the forks log in as the configured user")
                    .isNotEmpty().containsOnly("forks_app");

            first.go();
            second.go();

            assertThat(first.exitCode()).as("first fork's output:%n%s", first.output()).isZero();
            assertThat(second.exitCode()).as("second fork's output:%n%s", second.output()).isZero();
        } finally {
            first.kill();
            second.kill();
        }
        // the class above, and ParallelIsolationTest's FRESH_DATABASE class: a template and its copies per fork
        int perFork = 1 + ParallelIsolationTest.TESTS_PER_CLASS;
        assertThat(first.output()).contains("SUMMARY succeeded=" + perFork + " failed=0");
        assertThat(second.output()).contains("SUMMARY succeeded=" + perFork + " failed=0");
        assertThat(String.join("\n", first.output()) + String.join("\n", second.output())).doesNotContain(PASSWORD);
        assertThat(databases()).as("databases on the server after both forks").containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<String> databases() throws SQLException {
        return server.query("postgres", "select datname from pg_database order by datname");
    }

    private static List<String> bodies(Connection c) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("select body from posts order by id"); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }

    /** A child JVM running {@link #main} on this class path, configured through the environment as a CI job would be. */
    private static final class Fork {
        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private final CompletableFuture<String> wrote = new CompletableFuture<>();
        private final Thread reader;

        private Fork(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "fork-" + process.pid() + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Fork start(Path reportDir) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Ddbtestkit.report.dir=" + reportDir,
                    ForksOnOneServerTest.class.getName(), CommitsWhileTheOtherForkDoes.class.getName(),
                    ParallelIsolationTest.FreshOne.class.getName())
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("DBTESTKIT_"));
            environment.put("DBTESTKIT_POSTGRESQL_URL", server.url("postgres"));
            environment.put("DBTESTKIT_POSTGRESQL_USERNAME", "forks_app");
            environment.put("DBTESTKIT_POSTGRESQL_PASSWORD", PASSWORD);
            return new Fork(builder.start());
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                    if (line.startsWith(WROTE)) {
                        wrote.complete(line.substring(WROTE.length()).trim());
                    }
                }
            } catch (IOException e) {
                output.add("(output ended: " + e + ")");
            }
            wrote.completeExceptionally(new AssertionError("the fork ended before it wrote:\n" + String.join("\n", output)));
        }

        long pid() {
            return process.pid();
        }

        /** The database the fork wrote its rows to, once it did. */
        String wrote() throws Exception {
            return wrote.get(180, TimeUnit.SECONDS);
        }

        void go() throws IOException {
            Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            stdin.write("GO\n");
            stdin.close();
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                throw new AssertionError("the fork did not end:\n" + String.join("\n", output));
            }
            reader.join(TimeUnit.SECONDS.toMillis(30)); // its last lines, the summary among them
            return process.exitValue();
        }

        List<String> output() {
            return output;
        }

        void kill() {
            process.destroyForcibly();
        }
    }
}
