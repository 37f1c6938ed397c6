package io.github.dbtestkit.core.internal.hibernate;

import org.apiguardian.api.API;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entity classes of a test class's persistence unit, in a stable order, so equal sets share caches.
 *
 * <pre>{@code
 * EntitySet entities = EntitySet.of(List.of(Post.class, Comment.class));
 * }</pre>
 *
 * @param classes distinct entity classes, sorted by name
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EntitySet(List<Class<?>> classes) {

    /** The empty set. */
    public static final EntitySet EMPTY = new EntitySet(List.of());

    /** Copies and sorts. */
    public EntitySet {
        classes = List.copyOf(classes);
    }

    /** A set of these classes, duplicates removed, sorted by name. */
    public static EntitySet of(List<Class<?>> classes) {
        Set<Class<?>> distinct = new LinkedHashSet<>(classes);
        return new EntitySet(distinct.stream().sorted(Comparator.comparing(Class::getName)).toList());
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return classes.isEmpty();
    }

    /** Class names, for cache keys and fingerprints. */
    public List<String> names() {
        return classes.stream().map(Class::getName).toList();
    }
}
