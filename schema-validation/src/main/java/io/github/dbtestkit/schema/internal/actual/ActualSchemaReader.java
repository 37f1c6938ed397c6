package io.github.dbtestkit.schema.internal.actual;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;

/**
 * Reads the schema a live database has into the canonical model. Each engine reads its own catalog with one query
 * per kind of object for all tables at once (PostgreSQL {@code pg_catalog}, H2 {@code INFORMATION_SCHEMA}, SQLite
 * {@code sqlite_master} joined with its table-valued {@code PRAGMA}s), because JDBC's {@code DatabaseMetaData}
 * both loses facts (types, identity, CHECKs) and costs a round trip per table for keys and indexes.
 *
 * <pre>{@code
 * SchemaModel actual = ActualSchemaReader.of(EngineKind.H2).read(connection, Set.of());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ActualSchemaReader {

    /**
     * Reads the default schema's tables, and those of the further schemas named (tables there are named
     * {@code schema.table}).
     *
     * @param connection   an open connection; it is neither closed nor changed
     * @param otherSchemas schemas the mapping names explicitly, compared ignoring case
     */
    SchemaModel read(Connection connection, Collection<String> otherSchemas) throws SQLException;

    /** The reader for this engine. */
    static ActualSchemaReader of(EngineKind engine) {
        return switch (Objects.requireNonNull(engine, "engine")) {
            case H2 -> new H2SchemaReader();
            case SQLITE -> new SqliteSchemaReader();
            case POSTGRESQL -> new PostgresSchemaReader();
        };
    }
}
