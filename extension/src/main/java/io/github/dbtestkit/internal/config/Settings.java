package io.github.dbtestkit.internal.config;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.core.PostgresSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything dbtestkit reads from configuration, read once per run into one immutable value. Its {@link #toString()}
 * never shows the PostgreSQL password (see {@link PostgresSettings#toString()}).
 *
 * <pre>{@code
 * Settings settings = ConfigurationSources.of(context::getConfigurationParameter).settings();
 * PostgresSettings postgresql = settings.postgresql();
 * }</pre>
 *
 * @param engines         {@code dbtestkit.engines}: the engines this run selects, if set; each class runs on those of
 *                        its engines that are listed (see {@link EngineSelection})
 * @param enginesOverride {@code dbtestkit.engines.override}: engines that replace every class's own, if set
 * @param postgresql      how PostgreSQL is provided ({@code dbtestkit.postgresql.*})
 * @param reportDir       {@code dbtestkit.report.dir}: where reports are written
 * @param hibernate       {@code dbtestkit.hibernate.<key>} and {@code dbtestkit.naming}: Hibernate settings for every
 *                        class of the run
 * @param baseline        {@code dbtestkit.baseline}: the baseline file of the classes that name none, if set
 * @param keepFailed      {@code dbtestkit.keep-failed}: a failed test's database is kept and its URL printed
 * @param freshPoolSize   {@code dbtestkit.postgresql.fresh-pool-size}: ready clones of each FRESH_DATABASE template kept
 *                        on PostgreSQL, 0 to clone on demand
 * @param backgroundSessionFactory {@code dbtestkit.session-factory.background}: a class whose tests take an
 *                        {@code EntityManager}, {@code Session} or their factory starts building the factory on a
 *                        thread of its own once its schema is ready (default {@code true})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Settings(Optional<List<Engine>> engines, Optional<List<Engine>> enginesOverride, PostgresSettings postgresql,
                       Path reportDir, HibernateProperties hibernate, Optional<String> baseline,
                       boolean keepFailed, int freshPoolSize, boolean backgroundSessionFactory) {

    /** Key of the engine selection: each class runs on those of its engines that are listed. */
    public static final String ENGINES = "dbtestkit.engines";
    /** Prefix of the run's Hibernate settings: {@code dbtestkit.hibernate.hibernate.default_schema=app}. */
    public static final String HIBERNATE_PREFIX = "dbtestkit.hibernate.";
    /**
     * Key of the run's naming preset, {@code dbtestkit.naming=spring-boot}: kept among the run's Hibernate settings
     * under the same key, with the same precedence as a {@link #HIBERNATE_PREFIX} key.
     */
    public static final String NAMING = HibernateProperties.NAMING;
    /** Key of the engine override: every class runs on exactly the listed engines, whatever it declares. */
    public static final String ENGINES_OVERRIDE = "dbtestkit.engines.override";
    /** Key of the run's baseline: accepted differences for every class that names no baseline of its own. */
    public static final String BASELINE = "dbtestkit.baseline";
    /** Key of keeping a failed test's database, {@code true} or {@code false} (the default). */
    public static final String KEEP_FAILED = "dbtestkit.keep-failed";
    /**
     * Key of the number of ready clones kept per FRESH_DATABASE template on PostgreSQL, made and dropped by a
     * background thread; {@code 0} clones on demand, on the test's path.
     */
    public static final String FRESH_POOL_SIZE = "dbtestkit.postgresql.fresh-pool-size";
    /** Ready clones kept per FRESH_DATABASE template when {@link #FRESH_POOL_SIZE} is not set. */
    public static final int DEFAULT_FRESH_POOL_SIZE = 2;
    /** The largest {@link #FRESH_POOL_SIZE}: each ready clone is a whole database on the server. */
    static final int MAX_FRESH_POOL_SIZE = 32;
    /** Key of building a JPA class's SessionFactory in the background, {@code true} (the default) or {@code false}. */
    public static final String BACKGROUND_SESSION_FACTORY = "dbtestkit.session-factory.background";
    /** Key of the report folder. */
    public static final String REPORT_DIR = "dbtestkit.report.dir";

    /** Defaults, as if nothing were configured. */
    public static Settings defaults() {
        return from(key -> Optional.empty(), List.of());
    }

    /**
     * Reads settings through a lookup that already applies the precedence of configuration sources
     * (see {@link ConfigurationSources}).
     *
     * @param keys every key the sources are known to set, to find the {@link #HIBERNATE_PREFIX} ones
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static Settings from(Function<String, Optional<String>> lookup, Collection<String> keys) {
        Function<String, Optional<String>> nonBlank = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        return new Settings(
                nonBlank.apply(ENGINES).map(value -> parseEngines(ENGINES, value)),
                nonBlank.apply(ENGINES_OVERRIDE).map(value -> parseEngines(ENGINES_OVERRIDE, value)),
                PostgresSettings.from(lookup),
                Path.of(nonBlank.apply(REPORT_DIR).orElse("target/dbtestkit")),
                hibernate(lookup, keys),
                nonBlank.apply(BASELINE),
                nonBlank.apply(KEEP_FAILED).map(value -> parseBoolean(KEEP_FAILED, value)).orElse(false),
                nonBlank.apply(FRESH_POOL_SIZE).map(Settings::parsePoolSize).orElse(DEFAULT_FRESH_POOL_SIZE),
                nonBlank.apply(BACKGROUND_SESSION_FACTORY).map(value -> parseBoolean(BACKGROUND_SESSION_FACTORY, value)).orElse(true));
    }

    private static HibernateProperties hibernate(Function<String, Optional<String>> lookup, Collection<String> keys) {
        Map<String, Object> values = new TreeMap<>();
        for (String key : keys) {
            if (key.startsWith(HIBERNATE_PREFIX) && key.length() > HIBERNATE_PREFIX.length()) {
                lookup.apply(key).map(String::strip)
                        .ifPresent(value -> values.put(key.substring(HIBERNATE_PREFIX.length()), value));
            }
        }
        // dbtestkit.naming is a fixed key, so unlike the prefixed ones it is found in every source, environment included
        lookup.apply(NAMING).map(String::strip).filter(value -> !value.isEmpty())
                .ifPresent(value -> values.put(NAMING, value));
        try {
            return HibernateProperties.of(values, "the run's configuration (junit-platform.properties, a system"
                    + " property, DBTESTKIT_NAMING or a launcher parameter)");
        } catch (ProvisioningException e) {
            // a bad configuration key is an IllegalArgumentException here, as a bad dbtestkit.engines is
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean parseBoolean(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + "=" + value + ": expected true or false.");
    }

    private static int parsePoolSize(String value) {
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0 || size > MAX_FRESH_POOL_SIZE) {
            throw new IllegalArgumentException(FRESH_POOL_SIZE + "=" + value + ": expected a number of ready clones from 0"
                    + " (clone on demand) to " + MAX_FRESH_POOL_SIZE + ", e.g. " + DEFAULT_FRESH_POOL_SIZE + ".");
        }
        return size;
    }

    private static List<Engine> parseEngines(String key, String value) {
        List<Engine> engines;
        try {
            engines = Engine.fromIds(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "=" + value + ": " + e.getMessage(), e);
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException(key + "=" + value + " names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
        }
        return engines;
    }
}
