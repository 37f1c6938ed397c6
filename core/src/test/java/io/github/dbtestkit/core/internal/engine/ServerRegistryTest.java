package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerRegistryTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final List<FakeServer> started = new ArrayList<>();

    private ServerRegistry registry(Provider provider) {
        return new ServerRegistry((engine, settings) -> provider, (engine, p, settings) -> {
            starts.incrementAndGet();
            FakeServer server = new FakeServer(engine, p);
            synchronized (started) {
                started.add(server);
            }
            return server;
        });
    }

    @Test
    void startsEachEngineAndProviderOnce() {
        ServerRegistry registry = registry(Provider.EMBEDDED);

        DatabaseServer first = registry.obtain(EngineKind.POSTGRESQL, PostgresSettings.defaults());
        DatabaseServer second = registry.obtain(EngineKind.POSTGRESQL, PostgresSettings.defaults());
        DatabaseServer h2 = registry.obtain(EngineKind.H2, PostgresSettings.defaults());

        assertThat(second).isSameAs(first);
        assertThat(h2).isNotSameAs(first);
        assertThat(starts).hasValue(2);
    }

    @Test
    void threadsAskingAtOnceShareOneStart() throws Exception {
        ServerRegistry registry = registry(Provider.EMBEDDED);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<DatabaseServer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<DatabaseServer>) () -> {
                    go.await();
                    return registry.obtain(EngineKind.POSTGRESQL, PostgresSettings.defaults());
                }));
            }
            go.countDown();
            DatabaseServer first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<DatabaseServer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(starts).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeAllClosesEveryServerAndTheNextRequestStartsAfresh() {
        ServerRegistry registry = registry(Provider.IN_MEMORY);
        DatabaseServer before = registry.obtain(EngineKind.H2, PostgresSettings.defaults());

        registry.closeAll();
        DatabaseServer after = registry.obtain(EngineKind.H2, PostgresSettings.defaults());

        assertThat(started.get(0).closed).isTrue();
        assertThat(after).isNotSameAs(before);
    }

    @Test
    void closeAllSwallowsAServerThatFailsToClose() {
        ServerRegistry registry = new ServerRegistry((engine, settings) -> Provider.IN_MEMORY, (engine, p, settings) -> new FakeServer(engine, p) {
            @Override
            public void close() {
                throw new IllegalStateException("boom");
            }
        });
        registry.obtain(EngineKind.H2, PostgresSettings.defaults());

        registry.closeAll();
    }

    @Test
    void aFailedStartIsNotRetriedAndRepeatsItsMessage() {
        ServerRegistry registry = new ServerRegistry((engine, settings) -> Provider.EMBEDDED, (engine, p, settings) -> {
            starts.incrementAndGet();
            throw new IllegalStateException("PostgreSQL (embedded) did not start: reasons");
        });

        assertThatThrownBy(() -> registry.obtain(EngineKind.POSTGRESQL, PostgresSettings.defaults()))
                .hasMessage("PostgreSQL (embedded) did not start: reasons");
        assertThatThrownBy(() -> registry.obtain(EngineKind.POSTGRESQL, PostgresSettings.defaults()))
                .hasMessage("PostgreSQL (embedded) did not start: reasons");
        assertThat(starts).hasValue(1);
    }

    static class FakeServer implements DatabaseServer {
        private final EngineKind engine;
        private final Provider provider;
        volatile boolean closed;

        FakeServer(EngineKind engine, Provider provider) {
            this.engine = engine;
            this.provider = provider;
        }

        @Override
        public EngineKind engine() {
            return engine;
        }

        @Override
        public Provider provider() {
            return provider;
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:fake:";
        }

        @Override
        public DatabaseInstance createDatabase(String name) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
