package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The database engines dbtestkit can provision and read, with what each needs from Hibernate and JDBC. The JUnit
 * extension's {@code io.github.dbtestkit.Engine} names the same three for users; this is core's view of them, shared by
 * the schema reader, the CLI and the benchmarks.
 *
 * <pre>{@code
 * EngineKind engine = EngineKind.fromId("postgresql");
 * String dialect = engine.dialect(); // org.hibernate.dialect.PostgreSQLDialect
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum EngineKind {
    /** H2, in memory. */
    H2("H2", "org.hibernate.dialect.H2Dialect", "H2"),
    /** SQLite, in memory, with {@code foreign_keys} on. */
    SQLITE("SQLite", "org.hibernate.community.dialect.SQLiteDialect", "SQLite"),
    /** PostgreSQL: embedded binaries, Testcontainers, a local install or an external server. */
    POSTGRESQL("PostgreSQL", "org.hibernate.dialect.PostgreSQLDialect", "PostgreSQL");

    private final String displayName;
    private final String dialect;
    private final String productName;

    EngineKind(String displayName, String dialect, String productName) {
        this.displayName = displayName;
        this.dialect = dialect;
        this.productName = productName;
    }

    /** The engine's usual spelling, for messages: {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** The lower-case id used in configuration, display names and the {@code {engine}} placeholder: {@code postgresql}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class name of the Hibernate dialect that describes this engine. */
    public String dialect() {
        return dialect;
    }

    /** The product name Hibernate's dialect resolution knows the engine by ({@code jakarta.persistence.database-product-name}). */
    public String productName() {
        return productName;
    }

    /** The engine a JDBC driver reports through {@code DatabaseMetaData.getDatabaseProductName()}, if it is one of these. */
    public static Optional<EngineKind> fromProductName(String productName) {
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

    /**
     * Parses an engine id as written in configuration ({@code h2}, {@code sqlite}, {@code postgresql}), ignoring case
     * and surrounding blanks; {@code postgres} and {@code pg} are accepted for PostgreSQL.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static EngineKind fromId(String id) {
        String normalized = id.trim().toLowerCase(Locale.ROOT);
        for (EngineKind engine : values()) {
            if (engine.id().equals(normalized)) {
                return engine;
            }
        }
        if (normalized.equals("postgres") || normalized.equals("pg")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unknown engine '" + id.trim() + "': expected one of "
                + Arrays.stream(values()).map(EngineKind::id).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * Parses a comma-separated list of engine ids: blanks ignored, duplicates dropped, order kept. An empty result is
     * the caller's to judge.
     *
     * @throws IllegalArgumentException naming the first bad id and the valid ones
     */
    public static List<EngineKind> fromIds(String commaSeparated) {
        List<EngineKind> engines = new ArrayList<>();
        for (String id : commaSeparated.split(",")) {
            if (!id.isBlank()) {
                EngineKind engine = fromId(id);
                if (!engines.contains(engine)) {
                    engines.add(engine);
                }
            }
        }
        return List.copyOf(engines);
    }
}
