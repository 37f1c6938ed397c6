package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the expected schema per engine, server version and entity set, so validating the same entities again
 * (every test class of a run, a watch loop) skips Hibernate's boot, which dominates a validation's cost. Holds
 * only the canonical model and weak references to class loaders, so redeployed or discarded class loaders are
 * not kept alive; at most {@value #CAPACITY} entity sets are kept.
 *
 * <pre>{@code
 * SchemaModel expected = ExpectedModels.get(EngineKind.H2, 2, 5, List.of(Post.class, Comment.class));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExpectedModels {

    private static final int CAPACITY = 32;

    private static final Map<Key, SchemaModel> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SchemaModel> eldest) {
            return size() > CAPACITY;
        }
    };

    private ExpectedModels() {
    }

    /** The expected schema of these entities on this engine and version, read once and then remembered. */
    public static SchemaModel get(EngineKind engine, int majorVersion, int minorVersion, List<Class<?>> entities) {
        return get(engine, majorVersion, minorVersion, entities, HibernateProperties.NONE);
    }

    /** As {@link #get(EngineKind, int, int, List)}, under the application's Hibernate settings. */
    public static SchemaModel get(EngineKind engine, int majorVersion, int minorVersion, List<Class<?>> entities,
                                  HibernateProperties properties) {
        Key key = new Key(engine, majorVersion, minorVersion, properties, entities.stream().map(Class::getName).toList(),
                entities.stream().map(c -> new LoaderRef(c.getClassLoader())).toList());
        synchronized (CACHE) {
            SchemaModel cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        SchemaModel model = new ExpectedSchemaReader(engine, majorVersion, minorVersion, properties).read(entities);
        synchronized (CACHE) {
            CACHE.put(key, model);
        }
        return model;
    }

    private record Key(EngineKind engine, int major, int minor, HibernateProperties properties, List<String> classes,
                       List<LoaderRef> loaders) {
    }

    /** A class loader compared by identity, without keeping it alive. */
    private static final class LoaderRef {
        private final WeakReference<ClassLoader> loader;
        private final int hash;

        LoaderRef(ClassLoader loader) {
            this.loader = new WeakReference<>(loader);
            this.hash = System.identityHashCode(loader);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof LoaderRef that)) {
                return false;
            }
            ClassLoader mine = loader.get();
            return hash == that.hash && mine == that.loader.get() && (mine != null || hash == 0);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
