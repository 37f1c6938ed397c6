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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * The columns Bean Validation's {@code @NotNull} makes not-null, as Hibernate's DDL would with Bean Validation on
 * the class path. Hibernate applies that only while building a SessionFactory, so boot metadata lacks it. The
 * annotation is recognised by name: no Bean Validation dependency is needed, and without it nothing changes.
 * Like Hibernate, subclass attributes of a SINGLE_TABLE hierarchy stay nullable (other subclasses' rows lack them).
 */
final class BeanValidationNotNull {

    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull";

    private BeanValidationNotNull() {
    }

    static Set<Column> columns(Metadata metadata) {
        Set<Column> columns = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof SingleTableSubclass) {
                continue;
            }
            Class<?> type = mappedClass(entity);
            if (type == null) {
                continue;
            }
            for (Property property : entity.getProperties()) {
                if (!(property.getValue() instanceof Component) && annotated(type, property.getName())) {
                    columns.addAll(property.getValue().getColumns());
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

    private static boolean annotated(Class<?> type, String property) {
        String capitalised = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(property) && hasNotNull(field)) {
                    return true;
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                boolean getter = method.getParameterCount() == 0
                        && (method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised));
                if (getter && hasNotNull(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasNotNull(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(NOT_NULL)) {
                return true;
            }
        }
        return false;
    }
}
