package io.github.dbtestkit.schema.internal.expected;

import jakarta.persistence.EnumType;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of an {@code @Enumerated(STRING)} attribute: Hibernate stores {@link Enum#name()}, so the longest
 * is the length the column must hold, whatever type the dialect renders for it (H2's {@code enum(...)}, a
 * {@code varchar(255)} elsewhere). {@code ORDINAL} enums and enums behind an {@code AttributeConverter} store
 * something else and get no length rule.
 */
final class StringEnums {

    private StringEnums() {
    }

    /** Each column that stores a STRING enum, with the names of the enum's constants. */
    static Map<Column, List<String>> columns(Metadata metadata) {
        Map<Column, List<String>> columns = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getProperties()) {
                add(property.getValue(), columns);
            }
            entity.getJoins().forEach(join -> join.getProperties().forEach(p -> add(p.getValue(), columns)));
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            add(collection.getElement(), columns);
            if (collection instanceof IndexedCollection indexed && indexed.getIndex() != null) {
                add(indexed.getIndex(), columns);
            }
        }
        return columns;
    }

    private static void add(Value value, Map<Column, List<String>> columns) {
        if (value instanceof Component component) {
            component.getProperties().forEach(p -> add(p.getValue(), columns));
            return;
        }
        List<String> constants = constants(value);
        if (!constants.isEmpty()) {
            columns.putIfAbsent(value.getColumns().get(0), constants);
        }
    }

    /** The constants' names the value stores, or none when it is not a STRING enum in one column. */
    private static List<String> constants(Value value) {
        if (!(value instanceof BasicValue basic) || value.getColumns().size() != 1
                || basic.getEnumerationStyle() != EnumType.STRING || basic.getJpaAttributeConverterDescriptor() != null) {
            return List.of();
        }
        Class<?> type = enumClass(basic);
        if (type == null) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    private static Class<?> enumClass(BasicValue value) {
        try {
            BasicValue.Resolution<?> resolution = value.getResolution();
            Class<?> type = resolution == null ? null : resolution.getDomainJavaType().getJavaTypeClass();
            if (resolution != null && resolution.getValueConverter() != null) {
                return null;
            }
            return type != null && type.isEnum() ? type : null;
        } catch (RuntimeException e) {
            return null; // an unresolvable value: no rule rather than a failed validation
        }
    }
}
