package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * The engine behind an open connection, detected from its metadata, and its URL fit for reports: what
 * {@link SchemaValidator} and {@link DatabaseComparator} both need before they read a catalog.
 *
 * <pre>{@code
 * ConnectedEngine db = ConnectedEngine.of(connection.getMetaData());
 * ActualSchemaReader reader = ActualSchemaReader.of(db.engine());
 * }</pre>
 *
 * @param engine the engine
 * @param url    the JDBC URL without credentials
 */
record ConnectedEngine(EngineKind engine, String url) {

    /** @throws IllegalStateException when the engine is none of H2, SQLite and PostgreSQL */
    static ConnectedEngine of(DatabaseMetaData meta) throws SQLException {
        String url = SchemaValidator.maskUrl(meta.getURL());
        String product = meta.getDatabaseProductName();
        EngineKind engine = EngineKind.fromProductName(product).orElseThrow(() ->
                new IllegalStateException("Schema validation supports H2, SQLite and PostgreSQL, but " + url
                        + " is " + product + "."));
        return new ConnectedEngine(engine, url);
    }
}
