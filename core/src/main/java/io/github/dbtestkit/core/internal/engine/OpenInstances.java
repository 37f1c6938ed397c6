package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases a server handed out and that are not dropped yet, so that closing the server drops them too and a
 * name is never handed out twice.
 */
final class OpenInstances {

    private final Map<String, DatabaseInstance> open = new LinkedHashMap<>();

    synchronized void claim(String name) {
        if (open.containsKey(name)) {
            throw new IllegalArgumentException("A database named '" + name + "' already exists on this server: choose another name.");
        }
        open.put(name, null);
    }

    synchronized void register(DatabaseInstance instance) {
        open.put(instance.name(), instance);
    }

    synchronized void release(String name) {
        open.remove(name);
    }

    /** Closes every database still open; never throws. */
    void closeAll() {
        List<DatabaseInstance> instances;
        synchronized (this) {
            instances = new ArrayList<>(open.values());
        }
        for (DatabaseInstance instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }
}
