package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The template cache across runs, with real clusters of the embedded binaries: each "run" starts a cluster from the
 * cache folder and closes it, as one JVM's test run does.
 */
class TemplateCacheTest {

    @TempDir
    Path cacheRoot;
    @TempDir
    Path workRoot;

    private final AtomicInteger builds = new AtomicInteger();

    @BeforeAll
    static void binaries() {
        assumeTrue(EmbeddedBinaries.current().available(), "no embedded PostgreSQL binaries for this platform");
    }

    @Test
    void secondRunCopiesTheClusterAndTheTemplateInsteadOfInitialisingAndMigrating() throws Exception {
        try (PostgresServer first = run(10)) {
            assertThat(cluster(first).restored()).as("first run: nothing cached yet").isFalse();
            try (DatabaseInstance db = first.createDatabase("run_one", "migrations v1", migrate("v1"))) {
                assertThat(rows(db)).containsExactly("v1");
            }
        }
        assertThat(builds).hasValue(1);
        try (PostgresServer second = run(10)) {
            assertThat(cluster(second).restored()).as("second run copies the cached cluster").isTrue();
            try (DatabaseInstance db = second.createDatabase("run_two", "migrations v1", migrate("v1"))) {
                assertThat(rows(db)).containsExactly("v1");
            }
            assertThat(builds).as("same content: the template is copied, not built").hasValue(1);
            try (DatabaseInstance db = second.createDatabase("run_two_b", "migrations v2", migrate("v2"))) {
                assertThat(rows(db)).containsExactly("v2");
            }
            assertThat(builds).as("changed migrations: built again").hasValue(2);
            assertThat(databases(second)).filteredOn(n -> n.startsWith(TemplateCache.PREFIX)).hasSize(2)
                    .noneMatch(n -> n.startsWith(TemplateCache.BUILD_PREFIX));
        }
        try (PostgresServer third = run(10)) {
            third.createDatabase("run_three", "migrations v2", migrate("v2")).close();
            assertThat(builds).as("the second run's new template was kept too").hasValue(2);
            assertThat(databases(third)).as("nothing of earlier runs but the templates")
                    .allMatch(n -> n.startsWith(TemplateCache.PREFIX) || n.equals("postgres"));
        }
    }

    @Test
    void aFailedBuildLeavesNoTemplateAndTheErrorPropagates() throws Exception {
        try (PostgresServer server = run(10)) {
            assertThatThrownBy(() -> server.createDatabase("broken", "migrations broken", db -> {
                execute(db, "CREATE TABLE half (id int)");
                throw new IllegalStateException("V2__oops.sql line 3: syntax error");
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("V2__oops.sql line 3");
            assertThat(databases(server)).containsExactly("postgres");
            // the next attempt builds from scratch: no half-built template is ever copied
            try (DatabaseInstance db = server.createDatabase("fixed", "migrations broken", migrate("fixed"))) {
                assertThat(rows(db)).containsExactly("fixed");
            }
        }
    }

    @Test
    void keepsAtMostMaxTemplatesDroppingTheLeastRecentlyUsed() throws Exception {
        try (PostgresServer server = run(2)) {
            server.createDatabase("a1", "key a", migrate("a")).close();
            server.createDatabase("b1", "key b", migrate("b")).close();
            Thread.sleep(5);
            server.createDatabase("a2", "key a", migrate("a")).close(); // a is now more recent than b
            Thread.sleep(5);
            server.createDatabase("c1", "key c", migrate("c")).close();
            assertThat(builds).hasValue(3);
            List<String> templates = databases(server).stream().filter(n -> n.startsWith(TemplateCache.PREFIX)).toList();
            assertThat(templates).hasSize(2);
            server.createDatabase("a3", "key a", migrate("a")).close();
            assertThat(builds).as("a was kept").hasValue(3);
            server.createDatabase("b2", "key b", migrate("b")).close();
            assertThat(builds).as("b, the least recently used, was dropped").hasValue(4);
        }
    }

    @Test
    void aCacheFolderThatCannotBeUsedOnlyCostsTheWarmStart() throws Exception {
        Path file = Files.writeString(cacheRoot.resolve("not-a-folder"), "x");
        for (int runNumber = 0; runNumber < 2; runNumber++) {
            try (PostgresServer server = run(10, file)) {
                assertThat(cluster(server).restored()).isFalse();
                try (DatabaseInstance db = server.createDatabase("still_works", "migrations v1", migrate("v1"))) {
                    assertThat(rows(db)).containsExactly("v1");
                }
            }
        }
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aSnapshotThatDoesNotStartIsDiscardedAndTheRunInitialisesAnew() throws Exception {
        try (PostgresServer first = run(10)) {
            first.createDatabase("one", "migrations v1", migrate("v1")).close();
        }
        Path data;
        try (var homes = Files.list(cacheRoot)) {
            data = homes.findFirst().orElseThrow().resolve("data");
        }
        Files.writeString(data.resolve("PG_VERSION"), "7\n"); // a cluster of another major version: postgres refuses it
        try (PostgresServer second = run(10)) {
            assertThat(cluster(second).restored()).isFalse();
            second.createDatabase("two", "migrations v1", migrate("v1")).close();
            assertThat(builds).as("the broken snapshot's templates are gone with it").hasValue(2);
        }
        try (PostgresServer third = run(10)) {
            assertThat(cluster(third).restored()).as("the new run's cluster replaced the broken snapshot").isTrue();
        }
    }

    @Test
    void twoRunsAtOnceBothStartAndTheCacheStaysUsable() throws Exception {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String content = "migrations p" + i;
            threads.add(new Thread(() -> {
                try (PostgresServer server = run(10)) {
                    server.createDatabase("parallel", content, migrate("p")).close();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        try (PostgresServer after = run(10)) {
            assertThat(cluster(after).restored()).isTrue();
            assertThat(databases(after)).filteredOn(n -> n.startsWith(TemplateCache.PREFIX)).hasSizeBetween(1, 2);
        }
        try (var homes = Files.list(cacheRoot)) {
            Path home = homes.findFirst().orElseThrow();
            try (var entries = Files.list(home)) {
                assertThat(entries.map(p -> p.getFileName().toString()))
                        .as("no half-written copies").noneMatch(n -> n.startsWith("incoming-") || n.startsWith("retired-"));
            }
        }
    }

    private PostgresServer run(int maxTemplates) {
        return run(maxTemplates, cacheRoot);
    }

    private PostgresServer run(int maxTemplates, Path root) {
        PostgresSettings settings = PostgresSettings.defaults().withTemplateCache(
                new PostgresSettings.TemplateCache(true, Optional.of(root), maxTemplates, 2048));
        return PostgresProviders.startCluster(Provider.EMBEDDED, EmbeddedBinaries.current().binDir(), settings,
                new PostgresCluster.Options(Map.of(), workRoot).withSnapshots(root, 2048L << 20));
    }

    private static PostgresCluster cluster(PostgresServer server) {
        return server.cluster().orElseThrow();
    }

    private Consumer<DatabaseInstance> migrate(String marker) {
        return db -> {
            builds.incrementAndGet();
            execute(db, "CREATE TABLE marker (v text)");
            execute(db, "INSERT INTO marker VALUES ('" + marker + "')");
        };
    }

    private static void execute(DatabaseInstance db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(DatabaseInstance db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> databases(PostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.adminConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
