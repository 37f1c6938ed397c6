package io.github.dbtestkit.schema.model;

import org.apiguardian.api.API;
import java.util.Locale;
import java.util.Optional;

/**
 * The database engines schema validation understands, with the Hibernate dialect that describes each.
 *
 * <pre>{@code
 * SchemaEngine engine = SchemaEngine.fromProductName(connection.getMetaData().getDatabaseProductName()).orElseThrow();
 * String dialect = engine.dialect();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum SchemaEngine {
    H2("H2", "org.hibernate.dialect.H2Dialect"),
    SQLITE("SQLite", "org.hibernate.community.dialect.SQLiteDialect"),
    POSTGRESQL("PostgreSQL", "org.hibernate.dialect.PostgreSQLDialect");

    private final String displayName;
    private final String dialect;

    SchemaEngine(String displayName, String dialect) {
        this.displayName = displayName;
        this.dialect = dialect;
    }

    /** The engine as people spell it: {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** The Hibernate dialect class name used to read the mapping's expectations for this engine. */
    public String dialect() {
        return dialect;
    }

    /** The engine a JDBC driver reports through {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Optional<SchemaEngine> fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return Optional.of(H2);
        }
        if (name.contains("sqlite")) {
            return Optional.of(SQLITE);
        }
        if (name.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        return Optional.empty();
    }
}
