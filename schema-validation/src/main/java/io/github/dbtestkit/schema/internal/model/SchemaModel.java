package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.List;
import java.util.Optional;

/**
 * A whole schema, as the mapping expects it or as the database has it: the one shape both readers produce and the
 * diff compares.
 *
 * <pre>{@code
 * SchemaModel expected = new ExpectedSchemaReader(Engine.H2).read(entityClasses);
 * Optional<TableModel> posts = expected.table("posts");
 * }</pre>
 *
 * @param tables    tables, in a stable order
 * @param sequences sequences
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SchemaModel(List<TableModel> tables, List<SequenceModel> sequences) {

    /** Copies the lists. */
    public SchemaModel {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** The table of this name, ignoring case. */
    public Optional<TableModel> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The sequence of this name, ignoring case. */
    public Optional<SequenceModel> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
