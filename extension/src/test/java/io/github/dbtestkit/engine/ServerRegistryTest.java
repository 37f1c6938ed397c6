package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;
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

    private ServerRegistry registry(String provider) {
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
        ServerRegistry registry = registry("embedded");

        DatabaseServer first = registry.obtain(Engine.POSTGRESQL, Settings.defaults());
        DatabaseServer second = registry.obtain(Engine.POSTGRESQL, Settings.defaults());
        DatabaseServer h2 = registry.obtain(Engine.H2, Settings.defaults());

        assertThat(second).isSameAs(first);
        assertThat(h2).isNotSameAs(first);
        assertThat(starts).hasValue(2);
    }

    @Test
    void threadsAskingAtOnceShareOneStart() throws Exception {
        ServerRegistry registry = registry("embedded");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<DatabaseServer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<DatabaseServer>) () -> {
                    go.await();
                    return registry.obtain(Engine.POSTGRESQL, Settings.defaults());
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
        ServerRegistry registry = registry("in-memory");
        DatabaseServer before = registry.obtain(Engine.H2, Settings.defaults());

        registry.closeAll();
        DatabaseServer after = registry.obtain(Engine.H2, Settings.defaults());

        assertThat(started.get(0).closed).isTrue();
        assertThat(after).isNotSameAs(before);
    }

    @Test
    void closeAllSwallowsAServerThatFailsToClose() {
        ServerRegistry registry = new ServerRegistry((engine, settings) -> "in-memory", (engine, p, settings) -> new FakeServer(engine, p) {
            @Override
            public void close() {
                throw new IllegalStateException("boom");
            }
        });
        registry.obtain(Engine.H2, Settings.defaults());

        registry.closeAll();
    }

    @Test
    void aFailedStartIsNotRetriedAndRepeatsItsMessage() {
        ServerRegistry registry = new ServerRegistry((engine, settings) -> "embedded", (engine, p, settings) -> {
            starts.incrementAndGet();
            throw new IllegalStateException("PostgreSQL (embedded) did not start: reasons");
        });

        assertThatThrownBy(() -> registry.obtain(Engine.POSTGRESQL, Settings.defaults()))
                .hasMessage("PostgreSQL (embedded) did not start: reasons");
        assertThatThrownBy(() -> registry.obtain(Engine.POSTGRESQL, Settings.defaults()))
                .hasMessage("PostgreSQL (embedded) did not start: reasons");
        assertThat(starts).hasValue(1);
    }

    static class FakeServer implements DatabaseServer {
        private final Engine engine;
        private final String provider;
        volatile boolean closed;

        FakeServer(Engine engine, String provider) {
            this.engine = engine;
            this.provider = provider;
        }

        @Override
        public Engine engine() {
            return engine;
        }

        @Override
        public String provider() {
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
