package io.github.dbtestkit.setup;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.engine.DatabaseServers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JVM-wide cache of prepared databases: a schema is applied at most once per {@link SchemaKey}, and a failure to
 * apply it is remembered, so every class that needs the same schema reports the same error without retrying.
 *
 * <pre>{@code
 * PreparedDatabase db = PreparedDatabases.obtain(key, () -> SchemaSetup.create(key, ...));
 * }</pre>
 */
public final class PreparedDatabases {

    private static final Map<SchemaKey, Entry> CACHE = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOKED = new java.util.concurrent.atomic.AtomicBoolean();

    private PreparedDatabases() {
    }

    /** The database for {@code key}, prepared by {@code preparer} if this is the first request. */
    public static PreparedDatabase obtain(SchemaKey key, Supplier<PreparedDatabase> preparer) {
        if (HOOKED.compareAndSet(false, true)) {
            // databases are dropped at the end of the run, before the servers holding them stop
            DatabaseServers.beforeClosing(() -> {
                HOOKED.set(false);
                closeAll();
            });
        }
        Entry entry = CACHE.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            if (entry.database == null && entry.failure == null) {
                try {
                    entry.database = preparer.get();
                } catch (RuntimeException e) {
                    entry.failure = e;
                }
            }
            if (entry.failure != null) {
                throw new DatabaseTestException(entry.failure.getMessage(), entry.failure);
            }
            return entry.database;
        }
    }

    /**
     * Closes and forgets the database of {@code key} if it belongs to one test class (schema or isolation NONE): no
     * other class will ask for it, so its connections, factory and database are released when that class ends instead
     * of when the run ends. Shared databases stay. Never throws.
     */
    public static void releaseIfOwned(SchemaKey key) {
        if (key.owner().isEmpty() || key.owner().equals("#template")) {
            return;
        }
        Entry entry = CACHE.remove(key);
        if (entry != null && entry.database != null) {
            try {
                entry.database.close();
            } catch (RuntimeException ignored) {
                // best effort, as at the end of the run
            }
        }
    }

    /** How many databases are prepared now (for tests of the cache). */
    public static int size() {
        return (int) CACHE.values().stream().filter(e -> e.database != null).count();
    }

    /** Closes and forgets every prepared database, newest first. Never throws. */
    public static void closeAll() {
        List<SchemaKey> keys = new ArrayList<>(CACHE.keySet());
        java.util.Collections.reverse(keys);
        for (SchemaKey key : keys) {
            Entry entry = CACHE.remove(key);
            if (entry != null && entry.database != null) {
                try {
                    entry.database.close();
                } catch (RuntimeException ignored) {
                    // closing is best effort: the server is stopped right after
                }
            }
        }
    }

    private static final class Entry {
        private PreparedDatabase database;
        private RuntimeException failure;
    }
}
