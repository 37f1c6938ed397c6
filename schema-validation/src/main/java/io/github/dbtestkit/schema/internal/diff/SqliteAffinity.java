package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.internal.model.CanonicalType;
import io.github.dbtestkit.schema.internal.model.TypeFamily;

/**
 * SQLite's extra compatibilities: it stores every integer in up to 8 bytes whatever the declared width, has no
 * boolean type (Hibernate and sqlite-jdbc store booleans as integers), and keeps no time zone with timestamps.
 */
final class SqliteAffinity {

    private SqliteAffinity() {
    }

    static boolean compatible(CanonicalType mapped, CanonicalType declared) {
        boolean integerLike = isIntegerLike(mapped) && isIntegerLike(declared);
        boolean timestamps = isTimestamp(mapped) && isTimestamp(declared);
        boolean times = mapped.family() == TypeFamily.TIME && declared.family() == TypeFamily.TIME;
        return integerLike || timestamps || times;
    }

    private static boolean isIntegerLike(CanonicalType type) {
        return type.family() == TypeFamily.INTEGER || type == CanonicalType.BOOLEAN;
    }

    private static boolean isTimestamp(CanonicalType type) {
        return type.family() == TypeFamily.TIMESTAMP || type.family() == TypeFamily.TIMESTAMP_TZ;
    }
}
