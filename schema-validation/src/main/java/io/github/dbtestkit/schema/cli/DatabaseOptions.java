package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.internal.build.BuildInputs;
import io.github.dbtestkit.schema.internal.build.EngineDatabases;
import io.github.dbtestkit.schema.internal.build.SchemaSource;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The database a command works on: a running one ({@code --url}, {@code --username}, {@code --password-env}), or one
 * per engine that the command builds itself on embedded engines ({@code --migrations}, {@code --schema create_all} or
 * {@code --schema-sql}, with {@code --engines}). A picocli mixin, shared by the commands that read a database, and the
 * one place that connects to the first or builds the second.
 *
 * <pre>{@code
 * DataSource running = database.connect(loader, database.password(environment));     // with --url
 * Map<EngineKind, T> each = database.onEachEngine(loader, List::of, properties, environment, ds -> use(ds));
 * }</pre>
 */
final class DatabaseOptions {

    /** The value of {@code --schema} that builds the database with Hibernate's create_all. */
    static final String CREATE_ALL = "create_all";

    @Option(names = "--url", paramLabel = "URL",
            description = "JDBC URL of a running database, e.g. jdbc:postgresql://localhost:5432/shop.")
    String url;

    @Option(names = "--username", paramLabel = "U", description = "Database user (with --url).")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password (with --url).")
    String passwordEnv;

    @Option(names = "--migrations", paramLabel = "LOCATION",
            description = "Instead of --url: build each engine's database from these Flyway (folder) or Liquibase "
                    + "(changelog file) migrations, e.g. classpath:db/migration/{engine} or filesystem:src/main/"
                    + "resources/db/migration; classpath: is looked up in --classpath.")
    String migrations;

    @Option(names = "--schema", paramLabel = "MODE",
            description = "Instead of --url: 'create_all' builds each engine's database with Hibernate's DDL for the "
                    + "entities.")
    String schema;

    @Option(names = "--schema-sql", paramLabel = "FILE", arity = "1..*",
            description = "Instead of --url: build each engine's database by running these SQL files in order, "
                    + "e.g. src/main/resources/schema.sql.")
    List<Path> schemaSql = new ArrayList<>();

    @Option(names = "--engines", paramLabel = "LIST", split = ",",
            description = "With --migrations, --schema or --schema-sql: the embedded engines to build on, "
                    + "comma-separated: h2, sqlite, postgresql.")
    List<String> engines = new ArrayList<>();

    /**
     * The password from the variable {@code --password-env} names, or {@code null} without the option.
     *
     * @throws CliException when the variable is not set
     */
    String password(Function<String, String> environment) {
        return JdbcConnector.password(environment, passwordEnv);
    }

    /**
     * The running database of {@code --url}, connected once.
     *
     * @throws CliException when no driver accepts the URL or it cannot connect
     */
    DataSource connect(ClassLoader loader, String password) {
        return JdbcConnector.connect(url, username, password, loader);
    }

    /**
     * Builds the database of each engine of {@code --engines} from the source option, hands it to {@code use} and
     * drops it; every server started for them is stopped before this returns.
     *
     * @param loader    the {@code --classpath} (for {@code classpath:} locations and the entities)
     * @param entities  the entity classes, asked for only by {@code --schema create_all}
     * @return what {@code use} returned, per engine, in the order of {@code --engines}
     * @throws CliException naming the option, file, migration or engine at fault
     */
    <T> Map<EngineKind, T> onEachEngine(ClassLoader loader, Supplier<List<Class<?>>> entities,
                                        HibernateProperties properties, Function<String, String> environment,
                                        Function<DataSource, T> use) {
        SchemaSource source = source();
        List<EngineKind> chosen = engines();
        List<Class<?>> forCreateAll = source instanceof SchemaSource.CreateAll ? entities.get() : List.of();
        BuildInputs inputs = new BuildInputs(loader, forCreateAll, properties, "--migrations", "the --classpath",
                "--schema-sql");
        try {
            return EngineDatabases.onEach(postgresSettings(environment), chosen, source, inputs, use);
        } catch (ProvisioningException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Whether the command works on a running database given by {@code --url}. */
    boolean isUrl() {
        checkOneSource();
        return url != null;
    }

    /**
     * What builds each engine's database.
     *
     * @throws CliException naming the options at fault
     */
    SchemaSource source() {
        checkOneSource();
        if (migrations != null) {
            return new SchemaSource.Migrations(migrations);
        }
        if (schema != null) {
            if (!schema.strip().toLowerCase(Locale.ROOT).replace('-', '_').equals(CREATE_ALL)) {
                throw new CliException("Unknown --schema '" + schema + "': the only mode is " + CREATE_ALL
                        + "; use --migrations LOCATION for migrations and --schema-sql FILE for DDL files.");
            }
            return new SchemaSource.CreateAll();
        }
        return new SchemaSource.SqlFiles(schemaSql);
    }

    /**
     * The engines of {@code --engines}, in order, duplicates dropped.
     *
     * @throws CliException for none or an unknown one
     */
    List<EngineKind> engines() {
        return parseEngines(engines, sourceOption() + " builds a database per engine: add --engines, e.g. "
                + "--engines h2,sqlite,postgresql.");
    }

    /**
     * The engines of an {@code --engines} option, in order, duplicates dropped: the one parser of every command's.
     *
     * @param whenNone the message for an empty list
     * @throws CliException for none or an unknown one
     */
    static List<EngineKind> parseEngines(List<String> ids, String whenNone) {
        List<EngineKind> parsed;
        try {
            parsed = EngineKind.fromIds(String.join(",", ids));
        } catch (IllegalArgumentException e) {
            throw new CliException("--engines: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw new CliException(whenNone);
        }
        return parsed;
    }

    /**
     * How PostgreSQL is provided for built databases: {@code dbtestkit.postgresql.*} system properties, else the
     * {@code DBTESTKIT_POSTGRESQL_*} environment variables, else embedded binaries, Docker or a local install.
     */
    private static PostgresSettings postgresSettings(Function<String, String> environment) {
        try {
            return PostgresSettings.from(key -> Optional.ofNullable(System.getProperty(key))
                    .or(() -> Optional.ofNullable(environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_')))));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private void checkOneSource() {
        List<String> given = new ArrayList<>();
        if (url != null) {
            given.add("--url");
        }
        if (migrations != null) {
            given.add("--migrations");
        }
        if (schema != null) {
            given.add("--schema");
        }
        if (!schemaSql.isEmpty()) {
            given.add("--schema-sql");
        }
        if (given.isEmpty()) {
            throw new CliException("No database: give --url URL for a running database, or build one per engine with "
                    + "--migrations LOCATION, --schema create_all or --schema-sql FILE together with --engines "
                    + "h2,sqlite,postgresql.");
        }
        if (given.size() > 1) {
            throw new CliException(String.join(" and ", given) + " cannot be combined: give --url for a running "
                    + "database, or one of --migrations, --schema and --schema-sql to build one per engine.");
        }
        if (url != null && !engines.isEmpty()) {
            throw new CliException("--engines applies to the databases built by --migrations, --schema or "
                    + "--schema-sql; with --url the engine is the URL's: drop --engines.");
        }
        if (url == null && (username != null || passwordEnv != null)) {
            throw new CliException((username != null ? "--username" : "--password-env") + " applies to --url only: "
                    + "the databases built by " + given.get(0) + " need no credentials; drop it.");
        }
    }

    private String sourceOption() {
        return migrations != null ? "--migrations" : schema != null ? "--schema" : "--schema-sql";
    }
}
