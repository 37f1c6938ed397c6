package io.github.dbtestkit.schema.internal.expected;

import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.SingleTableSubclass;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns Bean Validation makes not-null, and the annotation that does it, as Hibernate's DDL would with a
 * Bean Validation provider on the class path ({@code hibernate.validator.apply_to_ddl}): {@code @NotNull},
 * {@code @NotEmpty} and {@code @NotBlank} in the default group, on the field or on the getter whatever the access
 * type, directly or composed into a constraint of the user's own. Hibernate applies them only while building a
 * SessionFactory, and we read boot metadata with validation off, so the mapping's columns never carry them and they
 * are counted exactly once, here, with or without Hibernate Validator present.
 * <p>
 * The annotations are recognised by name: no Bean Validation dependency is needed, and without the API on the class
 * path the JVM drops the annotations it cannot load, so nothing changes. Like Hibernate, attributes of a
 * SINGLE_TABLE subclass and embeddables stay nullable (other subclasses' rows lack them).
 */
final class BeanValidationNotNull {

    private static final String PACKAGE = "jakarta.validation.constraints.";
    private static final Set<String> NOT_NULL = Set.of(PACKAGE + "NotNull", PACKAGE + "NotEmpty", PACKAGE + "NotBlank");
    private static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";

    private BeanValidationNotNull() {
    }

    /** Each not-null column, with the annotation that makes it so ({@code @NotBlank}). */
    static Map<Column, String> columns(Metadata metadata) {
        Map<Column, String> columns = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof SingleTableSubclass) {
                continue;
            }
            Class<?> type = mappedClass(entity);
            if (type == null) {
                continue;
            }
            for (Property property : entity.getProperties()) {
                if (property.getValue() instanceof Component) {
                    continue;
                }
                String annotation = annotation(type, property.getName());
                if (annotation != null) {
                    property.getValue().getColumns().forEach(column -> columns.putIfAbsent(column, annotation));
                }
            }
        }
        return columns;
    }

    private static Class<?> mappedClass(PersistentClass entity) {
        try {
            return entity.getMappedClass();
        } catch (RuntimeException e) {
            return null; // dynamic-map entities have no class to read annotations from
        }
    }

    /** The not-null annotation on the property's field or getter, in the class or a superclass, else null. */
    private static String annotation(Class<?> type, String property) {
        String capitalised = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(property)) {
                    String found = notNull(field);
                    if (found != null) {
                        return found;
                    }
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                boolean getter = method.getParameterCount() == 0
                        && (method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised));
                String found = getter ? notNull(method) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String notNull(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            String found = notNull(annotation, new HashSet<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The annotation itself when it is a not-null constraint, or the user's constraint composed of one. */
    private static String notNull(Annotation annotation, Set<Class<?>> seen) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (!inDefaultGroup(annotation)) {
            return null;
        }
        if (NOT_NULL.contains(type.getName())) {
            return "@" + type.getSimpleName();
        }
        if (type.getName().startsWith("java.") || !seen.add(type)) {
            return null;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (notNull(meta, seen) != null) {
                return "@" + type.getSimpleName();
            }
        }
        return null;
    }

    /** Hibernate applies only constraints of the default group to the DDL; groups() is read reflectively. */
    private static boolean inDefaultGroup(Annotation annotation) {
        Method groups;
        try {
            groups = annotation.annotationType().getMethod("groups");
        } catch (NoSuchMethodException e) {
            return true; // not a constraint; its meta-annotations decide
        }
        try {
            Class<?>[] values = (Class<?>[]) groups.invoke(annotation);
            if (values.length == 0) {
                return true;
            }
            for (Class<?> group : values) {
                if (group.getName().equals(DEFAULT_GROUP)) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true;
        }
    }
}
