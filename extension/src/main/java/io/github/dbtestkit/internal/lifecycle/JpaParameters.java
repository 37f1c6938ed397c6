package io.github.dbtestkit.internal.lifecycle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.lang.reflect.Executable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a test class will ask for Hibernate: some method or constructor of it (its superclasses, interfaces and
 * member classes included, so {@code @Nested} classes and test interfaces count) takes an {@code EntityManager},
 * {@code EntityManagerFactory}, {@code Session} or {@code SessionFactory}. Only such classes build the factory ahead
 * of time; the others never pay for one.
 *
 * <pre>{@code
 * if (JpaParameters.declaredBy(PostRepositoryTest.class)) { prepared.buildSessionFactoryInBackground(); }
 * }</pre>
 */
final class JpaParameters {

    private static final Set<Class<?>> TYPES = Set.of(EntityManager.class, EntityManagerFactory.class, Session.class,
            SessionFactory.class);

    private JpaParameters() {
    }

    /** Whether {@code testClass} or a type it is made of declares a parameter of a Hibernate or JPA type. */
    static boolean declaredBy(Class<?> testClass) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(testClass);
        while (!pending.isEmpty()) {
            Class<?> type = pending.removeFirst();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            if (Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .anyMatch(JpaParameters::takesJpa)) {
                return true;
            }
            if (type.getSuperclass() != null) {
                // interfaces (a test class implementing MigrationCheckSuite, say) have none, and ArrayDeque takes no null
                pending.add(type.getSuperclass());
            }
            pending.addAll(java.util.List.of(type.getInterfaces()));
            pending.addAll(java.util.List.of(type.getDeclaredClasses()));
        }
        return false;
    }

    private static boolean takesJpa(Executable executable) {
        for (Class<?> parameter : executable.getParameterTypes()) {
            if (TYPES.contains(parameter)) {
                return true;
            }
        }
        return false;
    }
}
