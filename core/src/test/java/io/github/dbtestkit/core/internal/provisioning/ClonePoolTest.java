package io.github.dbtestkit.core.internal.provisioning;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.ProvisioningException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warm pool of clones on a real PostgreSQL server (zonky's embedded binaries): what it hands out, what it drops,
 * and what it leaves behind (nothing), checked in {@code pg_database}.
 */
class ClonePoolTest {

    private static final Duration REST = Duration.ofSeconds(60);

    private static DatabaseProvisioner provisioner;
    private static DatabaseServer server;
    private static final AtomicInteger TEMPLATES = new AtomicInteger();

    private DatabaseInstance template;
    private String prefix;
    private final AtomicInteger clones = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        provisioner = new DatabaseProvisioner(PostgresSettings.defaults());
        server = provisioner.server(EngineKind.POSTGRESQL);
    }

    @AfterAll
    static void stopServer() {
        provisioner.close();
    }

    @BeforeEach
    void createTemplate() throws SQLException {
        template = server.createDatabase("pool_tpl" + TEMPLATES.incrementAndGet());
        prefix = template.name() + "_c";
        try (Connection c = template.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts(id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
            s.execute("INSERT INTO posts VALUES (1, 'from the template')");
        }
    }

    @AfterEach
    void dropTemplate() {
        template.close();
    }

    private ClonePool pool(int size) {
        return ClonePool.start(server, template, size, () -> prefix + clones.incrementAndGet());
    }

    @Test
    void aTakenCloneHoldsTheTemplatesSchemaAndDataAndIsDroppedOnceGivenBack() throws Exception {
        try (ClonePool pool = pool(2)) {
            ClonePool.Taken taken = pool.take();
            try (Connection c = taken.database().dataSource().getConnection()) {
                assertThat(bodies(c)).containsExactly("from the template");
            }
            assertThat(clonesOnServer()).contains(taken.database().name());

            pool.giveBack(taken.database());

            assertThat(pool.awaitFull(REST)).isTrue();
            assertThat(clonesOnServer()).doesNotContain(taken.database().name()).hasSize(2);
        }
    }

    @Test
    void thePoolRefillsToItsSizeAfterTakes() throws Exception {
        try (ClonePool pool = pool(2)) {
            assertThat(pool.awaitFull(REST)).isTrue();
            DatabaseInstance first = pool.take().database();
            DatabaseInstance second = pool.take().database();

            assertThat(pool.awaitFull(REST)).isTrue();

            assertThat(pool.readyCount()).isEqualTo(2);
            assertThat(clonesOnServer()).hasSize(4).contains(first.name(), second.name());
            pool.giveBack(first);
            pool.giveBack(second);
        }
    }

    @Test
    void aReadyCloneComesWithASessionOpenedAheadThatTheTakersFirstConnectionIs() throws Exception {
        try (ClonePool pool = pool(2)) {
            assertThat(pool.awaitFull(REST)).isTrue();
            assertThat(sessionsOn(clonesOnServer())).as("one session per ready clone").isEqualTo(2);

            ClonePool.Taken taken = pool.take();
            try (Connection first = taken.dataSource().getConnection()) {
                assertThat(sessionsOn(List.of(taken.database().name()))).as("the first connection is the open one").isEqualTo(1);
                assertThat(bodies(first)).containsExactly("from the template");
                try (Connection second = taken.dataSource().getConnection()) {
                    assertThat(sessionsOn(List.of(taken.database().name()))).isEqualTo(2);
                    assertThat(bodies(second)).containsExactly("from the template");
                }
            }
            pool.giveBack(taken.database());
        }
    }

    @Test
    void closingDropsTheReadyAndTheUsedClones() throws Exception {
        ClonePool pool = pool(3);
        DatabaseInstance used = pool.take().database();
        try (Connection c = used.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO posts VALUES (2, 'written by a test')");
        }
        pool.giveBack(used);

        pool.close();

        assertThat(clonesOnServer()).isEmpty();
        assertThat(databasesOnServer()).contains(template.name());
    }

    @Test
    void testsTakingAtTheSameTimeEachGetADatabaseOfTheirOwn() throws Exception {
        int takers = 6;
        ExecutorService threads = Executors.newFixedThreadPool(takers);
        try (ClonePool pool = pool(2)) {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                long id = 100 + i;
                tasks.add(() -> {
                    DatabaseInstance own = pool.take().database();
                    try (Connection c = own.dataSource().getConnection(); Statement s = c.createStatement()) {
                        s.execute("INSERT INTO posts VALUES (" + id + ", 'taker " + id + "')");
                        assertThat(bodies(c)).containsExactly("from the template", "taker " + id);
                    }
                    pool.giveBack(own);
                    return own.name();
                });
            }
            Set<String> names = new TreeSet<>();
            for (Future<String> name : threads.invokeAll(tasks)) {
                names.add(name.get());
            }

            assertThat(names).hasSize(takers);
            assertThat(pool.awaitFull(REST)).isTrue();
            assertThat(clonesOnServer()).hasSize(2).doesNotContainAnyElementsOf(names);
        } finally {
            threads.shutdownNow();
        }
        assertThat(clonesOnServer()).isEmpty();
    }

    @Test
    void aFailureOfTheFillerReachesTheWaitingTestWithItsMessage() {
        DatabaseInstance gone = server.createDatabase("pool_gone" + TEMPLATES.incrementAndGet());
        gone.close();
        try (ClonePool pool = ClonePool.start(server, gone, 2, () -> "pool_never" + clones.incrementAndGet())) {
            assertThatThrownBy(pool::take)
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageStartingWith("Could not make a ready copy of " + gone.name() + " for a FRESH_DATABASE test: ")
                    .hasMessageContaining("Cannot copy PostgreSQL database '" + gone.name() + "' to 'pool_never1'")
                    .hasMessageContaining("does not exist");
            // and every later take too, rather than waiting for a filler that has stopped
            assertThatThrownBy(pool::take).hasMessageContaining("does not exist");
        }
    }

    @Test
    void theReadyClonesAreStillHandedOutAfterTheFillerFailed() throws Exception {
        AtomicInteger made = new AtomicInteger();
        DatabaseServer failsOnTheThird = new FailingAfter(server, 2, made);
        try (ClonePool pool = ClonePool.start(failsOnTheThird, template, 2, () -> prefix + clones.incrementAndGet())) {
            assertThat(pool.awaitFull(REST)).isTrue();
            DatabaseInstance first = pool.take().database();
            DatabaseInstance second = pool.take().database();

            assertThatThrownBy(pool::take).hasMessageContaining("no space left on the test device");
            assertThat(List.of(first.name(), second.name())).doesNotHaveDuplicates();
            pool.giveBack(first);
            pool.giveBack(second);
        }
        assertThat(clonesOnServer()).isEmpty();
    }

    @Test
    void aPoolOfNoneIsRefusedWithTheSize() {
        assertThatThrownBy(() -> ClonePool.start(server, template, 0, () -> "never"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one, not 0");
    }

    /** The embedded server, except that every clone after the first {@code limit} fails as a full disk would. */
    private record FailingAfter(DatabaseServer delegate, int limit, AtomicInteger made) implements DatabaseServer {
        @Override
        public EngineKind engine() {
            return delegate.engine();
        }

        @Override
        public Provider provider() {
            return delegate.provider();
        }

        @Override
        public String version() {
            return delegate.version();
        }

        @Override
        public String jdbcUrl() {
            return delegate.jdbcUrl();
        }

        @Override
        public DatabaseInstance createDatabase(String name) {
            return delegate.createDatabase(name);
        }

        @Override
        public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
            if (made.incrementAndGet() > limit) {
                throw new ProvisioningException("Cannot copy PostgreSQL database '" + template.name() + "' to '" + name
                        + "': no space left on the test device");
            }
            return delegate.cloneDatabase(template, name);
        }

        @Override
        public void close() {
            // the shared server is closed by the provisioner
        }
    }

    private List<String> clonesOnServer() throws SQLException {
        return databasesOnServer().stream().filter(name -> name.startsWith(prefix)).toList();
    }

    private int sessionsOn(List<String> databases) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), template.username(), template.password());
             PreparedStatement query = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?)")) {
            query.setArray(1, admin.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<String> databasesOnServer() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), template.username(), template.password());
             PreparedStatement query = admin.prepareStatement("SELECT datname FROM pg_database ORDER BY datname");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> bodies(Connection c) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT body FROM posts ORDER BY id")) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }
}
