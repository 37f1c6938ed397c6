package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each (engine, provider) at most once and remembers the outcome. {@link io.github.dbtestkit.core.DatabaseProvisioner}
 * holds one per run; tests build their own with fake starters.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServerRegistry {

    /** Decides which provider serves an engine, e.g. {@code in-memory} or {@code embedded}. */
    @FunctionalInterface
    public interface ProviderChoice {
        Provider providerFor(EngineKind engine, PostgresSettings settings);
    }

    /** Starts a server of an engine with the provider chosen for it. */
    @FunctionalInterface
    public interface Starter {
        DatabaseServer start(EngineKind engine, Provider provider, PostgresSettings settings);
    }

    record Key(EngineKind engine, Provider provider) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);

    private final ProviderChoice choice;
    private final Starter starter;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final Map<Choice, Provider> choices = new ConcurrentHashMap<>();

    private record Choice(EngineKind engine, PostgresSettings settings) {
    }

    /** The registry of real servers: providers as {@link PostgresSettings} choose them. */
    public static ServerRegistry standard() {
        return new ServerRegistry(EngineProviders::providerFor, EngineProviders::start);
    }

    /** A registry whose servers {@code starter} starts, for tests. */
    public ServerRegistry(ProviderChoice choice, Starter starter) {
        this.choice = Objects.requireNonNull(choice);
        this.starter = Objects.requireNonNull(starter);
    }

    /** The server for {@code engine}, started on first request. */
    public DatabaseServer obtain(EngineKind engine, PostgresSettings settings) {
        // auto probes the machine (classpath, Docker socket, folders): once per engine and settings is enough
        Key key = new Key(engine, choices.computeIfAbsent(new Choice(engine, settings), c -> choice.providerFor(engine, settings)));
        return slots.computeIfAbsent(key, Slot::new).get(settings);
    }

    /** Closes every server started so far, in the reverse order of their starts; never throws. */
    public void closeAll() {
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
        synchronized DatabaseServer get(PostgresSettings settings) {
            if (server != null) {
                return server;
            }
            if (failure != null) {
                // A server that failed to start would fail the same way again, slowly: say so at once.
                throw new ProvisioningException(failure.getMessage(), failure);
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
                    millis, Secrets.maskUrl(server.jdbcUrl()));
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
