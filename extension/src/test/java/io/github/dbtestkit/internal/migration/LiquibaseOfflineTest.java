package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationTool;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.internal.migration.Slf4jLogService;
import io.github.dbtestkit.core.EngineKind;
import liquibase.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase sends analytics and fetches their configuration over HTTP unless told not to. Every HTTP(S) connection
 * made through java.net asks the default ProxySelector first, so recording its questions shows every attempt; the
 * recorder answers with a proxy on a closed local port, so an attempt fails at once instead of leaving the machine.
 */
class LiquibaseOfflineTest {

    private final List<URI> attempts = new CopyOnWriteArrayList<>();
    private ProxySelector original;

    @BeforeEach
    void recordConnectionAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Proxy nowhere = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", closedPort));
        original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                return List.of(nowhere);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // expected: the proxy port is closed on purpose
            }
        });
    }

    @AfterEach
    void restoreProxySelector() {
        ProxySelector.setDefault(original);
    }

    @Test
    void liquibaseUpdateMakesNoNetworkCall() throws Exception {
        ResolvedMigrations changelog = Fixtures.resolve("liquibase/xml/changelog.xml", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            Migrator.standard().apply(changelog, database.dataSource());

            assertThat(database.queryValue("SELECT COUNT(*) FROM users")).isEqualTo(0L);
        }
        assertThat(attempts).isEmpty();
    }

    @Test
    void liquibaseWritesNothingToTheConsole() throws Exception {
        ResolvedMigrations changelog = Fixtures.resolve("liquibase/sql/changelog.sql", EngineKind.SQLITE);
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE);
             java.io.PrintStream capture = new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            try {
                Migrator.standard().apply(changelog, database.dataSource());
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        }

        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Running Changeset", "UPDATE SUMMARY", "Update has been successful", "liquibase.");
    }

    @Test
    void theRecorderSeesLiquibaseReachingOutWithItsDefaults() throws Exception {
        ResolvedMigrations changelog = Fixtures.resolve("liquibase/yaml/changelog.yaml", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            // The control: Liquibase through its plain API with its defaults, only kept off the console.
            Scope.child(Map.of(Scope.Attr.logService.name(), new Slf4jLogService(),
                    Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService()), () -> {
                try (var connection = database.dataSource().getConnection();
                     var liquibase = new liquibase.Liquibase("migration-fixtures/liquibase/yaml/changelog.yaml",
                             new liquibase.resource.ClassLoaderResourceAccessor(getClass().getClassLoader()),
                             new liquibase.database.jvm.JdbcConnection(connection))) {
                    liquibase.update(new liquibase.Contexts());
                }
            });
        }
        assertThat(changelog.tool()).isEqualTo(MigrationTool.LIQUIBASE);
        assertThat(attempts).extracting(URI::getHost).contains("config.liquibase.com");
    }
}
