package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A cache of prepared databases owned by one {@link DatabaseProvisioner}: a schema is
 * applied at most once per key, and a failure to apply it is remembered, so every caller that needs the same schema
 * gets the same error without retrying. Keys are typed values (records) that say what built the database.
 *
 * <pre>{@code
 * PreparedDatabase db = provisioner.prepared().obtain(key, PreparedDatabase.class, () -> prepare(key));
 * provisioner.prepared().release(key); // a database only one class could use
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PreparedDatabases {

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final List<Object> order = Collections.synchronizedList(new ArrayList<>());

    /**
     * The database for {@code key}, prepared by {@code preparer} if this is the first request.
     *
     * @throws ProvisioningException with the message of the failure to prepare it, now or on an earlier request
     */
    public <T extends AutoCloseable> T obtain(Object key, Class<T> type, Supplier<? extends T> preparer) {
        Objects.requireNonNull(key, "key");
        Entry entry = entries.computeIfAbsent(key, k -> {
            order.add(k);
            return new Entry();
        });
        synchronized (entry) {
            if (entry.value == null && entry.failure == null) {
                try {
                    entry.value = Objects.requireNonNull(preparer.get(), "preparer returned null");
                } catch (RuntimeException e) {
                    entry.failure = e;
                }
            }
            if (entry.failure != null) {
                throw entry.failure instanceof ProvisioningException p
                        ? new ProvisioningException(p.getMessage(), p)
                        : new ProvisioningException(String.valueOf(entry.failure.getMessage()), entry.failure);
            }
            return type.cast(entry.value);
        }
    }

    /** Closes and forgets the database of {@code key}, if it was prepared. Never throws. */
    public void release(Object key) {
        order.remove(key);
        Entry entry = entries.remove(key);
        if (entry != null) {
            entry.close();
        }
    }

    /** How many databases are prepared now. */
    public int size() {
        return (int) entries.values().stream().filter(e -> e.value != null).count();
    }

    /** Closes and forgets every prepared database, newest first. Never throws. */
    public void closeAll() {
        List<Object> keys;
        synchronized (order) {
            keys = new ArrayList<>(order);
            order.clear();
        }
        Collections.reverse(keys);
        for (Object key : keys) {
            Entry entry = entries.remove(key);
            if (entry != null) {
                entry.close();
            }
        }
    }

    private static final class Entry {
        private AutoCloseable value;
        private RuntimeException failure;

        synchronized void close() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception ignored) {
                    // closing is best effort: the server is stopped right after
                } finally {
                    value = null;
                }
            }
        }
    }
}
