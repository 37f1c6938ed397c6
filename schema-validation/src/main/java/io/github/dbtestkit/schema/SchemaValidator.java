package io.github.dbtestkit.schema;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Compares what Hibernate's mappings expect with what a live database has, collecting every difference in one pass.
 *
 * <pre>{@code
 * SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(dataSource).validate();
 * }</pre>
 */
public final class SchemaValidator {

    private final List<Class<?>> entities;
    private final List<String> packages;
    private final DataSource dataSource;

    private SchemaValidator(List<Class<?>> entities, List<String> packages, DataSource dataSource) {
        this.entities = List.copyOf(entities);
        this.packages = List.copyOf(packages);
        this.dataSource = dataSource;
    }

    /** Validates these entity classes. */
    public static SchemaValidator forEntities(Class<?>... entities) {
        return new SchemaValidator(List.of(entities), List.of(), null);
    }

    /** Validates every {@code @Entity} class found in these packages and their sub-packages. */
    public static SchemaValidator forPackages(String... packages) {
        return new SchemaValidator(List.of(), List.of(packages), null);
    }

    /** The database to compare against; its engine is detected from its metadata. */
    public SchemaValidator against(DataSource dataSource) {
        return new SchemaValidator(entities, packages, Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Runs the comparison. */
    public SchemaReport validate() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
