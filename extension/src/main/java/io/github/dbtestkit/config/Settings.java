package io.github.dbtestkit.config;

import io.github.dbtestkit.Engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything dbtestkit reads from configuration, read once per run into one immutable value.
 *
 * @param engines            {@code dbtestkit.engines}: engines that replace every class's own, if set
 * @param postgresqlProvider {@code dbtestkit.postgresql.provider}: {@code auto}, {@code embedded}, {@code testcontainers},
 *                           {@code external} or {@code local}
 * @param postgresqlUrl      {@code dbtestkit.postgresql.url}: an external server's JDBC URL, if set
 * @param postgresqlUsername {@code dbtestkit.postgresql.username}
 * @param postgresqlPassword {@code dbtestkit.postgresql.password}
 * @param postgresqlVersion  {@code dbtestkit.postgresql.version}: embedded or local binaries' version, if pinned
 * @param postgresqlImage    {@code dbtestkit.postgresql.image}: the Testcontainers image
 * @param reportDir          {@code dbtestkit.report.dir}: where reports are written
 */
public record Settings(
        Optional<List<Engine>> engines,
        String postgresqlProvider,
        Optional<String> postgresqlUrl,
        Optional<String> postgresqlUsername,
        Optional<String> postgresqlPassword,
        Optional<String> postgresqlVersion,
        String postgresqlImage,
        Path reportDir) {

    /** Key of the engine override. */
    public static final String ENGINES = "dbtestkit.engines";
    /** Key of the PostgreSQL provider choice. */
    public static final String POSTGRESQL_PROVIDER = "dbtestkit.postgresql.provider";
    /** Key of an external server's URL. */
    public static final String POSTGRESQL_URL = "dbtestkit.postgresql.url";
    /** Key of an external server's user name. */
    public static final String POSTGRESQL_USERNAME = "dbtestkit.postgresql.username";
    /** Key of an external server's password. */
    public static final String POSTGRESQL_PASSWORD = "dbtestkit.postgresql.password";
    /** Key of the embedded binaries' version. */
    public static final String POSTGRESQL_VERSION = "dbtestkit.postgresql.version";
    /** Key of the Testcontainers image. */
    public static final String POSTGRESQL_IMAGE = "dbtestkit.postgresql.image";
    /** Key of the report folder. */
    public static final String REPORT_DIR = "dbtestkit.report.dir";

    /** The providers {@code dbtestkit.postgresql.provider} accepts. */
    public static final List<String> POSTGRESQL_PROVIDERS = List.of("auto", "embedded", "testcontainers", "external", "local");

    /** Defaults, as if nothing were configured. */
    public static Settings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads settings through a lookup that already applies the precedence of configuration sources
     * (see {@link ConfigurationSources}).
     *
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static Settings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> nonBlank = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        Optional<List<Engine>> engines = nonBlank.apply(ENGINES).map(Settings::parseEngines);
        String provider = nonBlank.apply(POSTGRESQL_PROVIDER).map(v -> v.toLowerCase(Locale.ROOT)).orElse("auto");
        if (!POSTGRESQL_PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("Unknown " + POSTGRESQL_PROVIDER + " '" + provider + "': expected one of "
                    + String.join(", ", POSTGRESQL_PROVIDERS) + ".");
        }
        return new Settings(
                engines,
                provider,
                nonBlank.apply(POSTGRESQL_URL),
                nonBlank.apply(POSTGRESQL_USERNAME),
                lookup.apply(POSTGRESQL_PASSWORD),
                nonBlank.apply(POSTGRESQL_VERSION),
                nonBlank.apply(POSTGRESQL_IMAGE).orElse("postgres:17-alpine"),
                Path.of(nonBlank.apply(REPORT_DIR).orElse("target/dbtestkit")));
    }

    private static List<Engine> parseEngines(String value) {
        List<Engine> engines;
        try {
            engines = Engine.fromIds(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENGINES + "=" + value + ": " + e.getMessage(), e);
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException(ENGINES + "=" + value + " names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
        }
        return engines;
    }
}
