package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each (engine, provider) at most once and remembers the outcome. {@link DatabaseServers} holds the JVM's
 * instance; tests build their own with fake starters.
 */
final class ServerRegistry {

    /** Decides which provider serves an engine, e.g. {@code in-memory} or {@code embedded}. */
    @FunctionalInterface
    interface ProviderChoice {
        String providerFor(Engine engine, Settings settings);
    }

    /** Starts a server of an engine with the provider chosen for it. */
    @FunctionalInterface
    interface Starter {
        DatabaseServer start(Engine engine, String provider, Settings settings);
    }

    record Key(Engine engine, String provider) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServers.class);

    private final ProviderChoice choice;
    private final Starter starter;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

    ServerRegistry(ProviderChoice choice, Starter starter) {
        this.choice = Objects.requireNonNull(choice);
        this.starter = Objects.requireNonNull(starter);
    }

    DatabaseServer obtain(Engine engine, Settings settings) {
        Key key = new Key(engine, choice.providerFor(engine, settings));
        return slots.computeIfAbsent(key, Slot::new).get(settings);
    }

    /** Closes every server started so far, in the reverse order of their starts; never throws. */
    void closeAll() {
        List<Slot> started = new ArrayList<>(slots.values());
        slots.clear();
        started.sort((a, b) -> Long.compare(b.startedAt, a.startedAt));
        for (Slot slot : started) {
            slot.close();
        }
    }

    private final class Slot {
        private final Key key;
        private DatabaseServer server;
        private RuntimeException failure;
        private long startedAt;

        Slot(Key key) {
            this.key = key;
        }

        // Synchronized per key: a second thread asking for the same engine waits for the first start instead of
        // starting another server; other engines start in parallel.
        synchronized DatabaseServer get(Settings settings) {
            if (server != null) {
                return server;
            }
            if (failure != null) {
                // A server that failed to start would fail the same way again, slowly: say so at once.
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            long start = System.nanoTime();
            try {
                server = starter.start(key.engine(), key.provider(), settings);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            startedAt = start;
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Started {} {} ({}) in {} ms at {}", key.engine().displayName(), server.version(), server.provider(),
                    millis, JdbcUrls.mask(server.jdbcUrl()));
            return server;
        }

        synchronized void close() {
            if (server == null) {
                return;
            }
            try {
                server.close();
                LOG.info("Stopped {} {} ({})", key.engine().displayName(), server.version(), server.provider());
            } catch (RuntimeException | Error e) {
                LOG.warn("Could not stop {} ({}): {}", key.engine().displayName(), key.provider(), e.toString());
            } finally {
                server = null;
            }
        }
    }
}
