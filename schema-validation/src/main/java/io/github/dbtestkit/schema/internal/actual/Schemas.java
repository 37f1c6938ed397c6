package io.github.dbtestkit.schema.internal.actual;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The schemas a reader looks at: the connection's default, plus those the mapping names. */
final class Schemas {

    private final String defaultSchema;
    private final List<String> all = new ArrayList<>();

    Schemas(String defaultSchema, Collection<String> others) {
        this.defaultSchema = defaultSchema;
        all.add(defaultSchema.toLowerCase(Locale.ROOT));
        others.forEach(o -> all.add(o.toLowerCase(Locale.ROOT)));
    }

    /** Lower-cased schema names, for {@code lower(schema) = ANY(?)} / {@code IN (...)} filters. */
    List<String> lowerCased() {
        return all;
    }

    /** {@code ?, ?, ?} for an IN list of all schemas. */
    String placeholders() {
        return String.join(", ", java.util.Collections.nCopies(all.size(), "?"));
    }

    /** The table's name as the model spells it: bare in the default schema, else {@code schema.table}. */
    String qualify(String schema, String table) {
        return schema == null || schema.equalsIgnoreCase(defaultSchema) ? table : schema + "." + table;
    }
}
