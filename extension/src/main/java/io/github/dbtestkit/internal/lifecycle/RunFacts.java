package io.github.dbtestkit.internal.lifecycle;

import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.internal.setup.PreparedDatabase;
import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an engine run publishes about its database, as one report entry, for the run report's header: the provider,
 * the server's version, the JDBC URL (masked: never a password), the schema mode, the migrations' location and
 * checksum, and what the schema validation found. Keys that do not apply are left out.
 *
 * <pre>{@code
 * context.publishReportEntry(RunFacts.of(run)); // {dbtestkit.provider=embedded, dbtestkit.server-version=17.5, ...}
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunFacts {

    /** {@code in-memory}, {@code embedded}, {@code testcontainers}, {@code external}, {@code local}. */
    public static final String PROVIDER = "dbtestkit.provider";
    /** The server's version as it reports it. */
    public static final String SERVER_VERSION = "dbtestkit.server-version";
    /** The database's JDBC URL, user info and password parameters masked. */
    public static final String JDBC_URL = "dbtestkit.jdbc-url";
    /** {@code CREATE_ALL}, {@code MIGRATIONS} or {@code NONE} (never {@code AUTO}). */
    public static final String SCHEMA_MODE = "dbtestkit.schema-mode";
    /** The migrations' resolved location (MIGRATIONS only). */
    public static final String MIGRATIONS = "dbtestkit.migrations";
    /** The checksum of the migrations' content (MIGRATIONS only). */
    public static final String MIGRATIONS_CHECKSUM = "dbtestkit.migrations-checksum";
    /** How many schema-validation errors (only when the validation ran). */
    public static final String SCHEMA_ERRORS = "dbtestkit.schema-errors";
    /** How many schema-validation warnings (only when the validation ran). */
    public static final String SCHEMA_WARNINGS = "dbtestkit.schema-warnings";
    /** The absolute path of the schema report's text file (only when the validation ran). */
    public static final String SCHEMA_REPORT = "dbtestkit.schema-report";

    private RunFacts() {
    }

    /** The facts of {@code run}'s database; empty when it could not even be prepared. */
    public static Map<String, String> of(EngineRun run) {
        Map<String, String> facts = new LinkedHashMap<>();
        run.prepared().ifPresent(prepared -> describe(prepared, facts));
        run.schemaCheck().ifPresent(check -> {
            facts.put(SCHEMA_ERRORS, Integer.toString(check.errors()));
            facts.put(SCHEMA_WARNINGS, Integer.toString(check.warnings()));
            facts.put(SCHEMA_REPORT, check.report().toAbsolutePath().toString());
        });
        return facts;
    }

    private static void describe(PreparedDatabase prepared, Map<String, String> facts) {
        facts.put(PROVIDER, prepared.key().provider().id());
        facts.put(SERVER_VERSION, prepared.serverVersion());
        facts.put(JDBC_URL, Secrets.scrub(Secrets.maskUrl(prepared.instance().jdbcUrl()), prepared.instance().password()));
        facts.put(SCHEMA_MODE, prepared.key().mode().name());
        String migrations = prepared.key().migrations();
        int at = migrations.lastIndexOf('@');
        if (at > 0) {
            facts.put(MIGRATIONS, migrations.substring(0, at));
            facts.put(MIGRATIONS_CHECKSUM, migrations.substring(at + 1));
        }
    }
}
