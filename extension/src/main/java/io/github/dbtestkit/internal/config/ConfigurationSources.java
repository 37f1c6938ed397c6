package io.github.dbtestkit.internal.config;

import org.apiguardian.api.API;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Merges configuration sources in dbtestkit's order, later overriding earlier: {@code junit-platform.properties},
 * environment variables ({@code DBTESTKIT_POSTGRESQL_URL}), system properties, launcher parameters.
 *
 * <p>JUnit's own lookup already merges the properties file, system properties and launcher parameters, but it ranks
 * the file directly below system properties, so environment variables cannot be slotted in through it alone. A value
 * JUnit returns that equals the file's value and is not a system property came from the file, and an environment
 * variable then wins. (A launcher parameter equal to the file's value is indistinguishable from it; the two agree
 * anyway, unless an environment variable says otherwise.)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConfigurationSources {

    private static final String PROPERTIES_FILE = "junit-platform.properties";

    private final Function<String, Optional<String>> junit;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Properties file;

    /**
     * @param junit            JUnit's configuration parameter lookup, e.g. {@code context::getConfigurationParameter}
     * @param environment      the environment, usually {@link System#getenv()}
     * @param systemProperties the system properties, usually {@link System#getProperties()}
     * @param file             the contents of {@code junit-platform.properties}, empty if there is none
     */
    public ConfigurationSources(Function<String, Optional<String>> junit, Map<String, String> environment,
                                Properties systemProperties, Properties file) {
        this.junit = Objects.requireNonNull(junit);
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
        this.file = file;
    }

    /** Sources as seen by a running test: JUnit's lookup plus this JVM's environment, system properties and classpath file. */
    public static ConfigurationSources of(Function<String, Optional<String>> junit) {
        return new ConfigurationSources(junit, System.getenv(), System.getProperties(), loadPropertiesFile());
    }

    /** The value of {@code key} after applying precedence, if any source sets it. */
    public Optional<String> get(String key) {
        Optional<String> fromJunit = junit.apply(key);
        if (fromJunit.isPresent()) {
            boolean fromFileOnly = systemProperties.getProperty(key) == null
                    && Objects.equals(fromJunit.get(), file.getProperty(key));
            if (!fromFileOnly) {
                return fromJunit;
            }
        }
        // JUnit's lookup may leave system properties and the file out (EngineTestKit does, unless told otherwise)
        String fromSystem = systemProperties.getProperty(key);
        if (fromSystem != null) {
            return Optional.of(fromSystem);
        }
        Optional<String> fromEnv = Optional.ofNullable(environment.get(environmentName(key)));
        return fromEnv.isPresent() ? fromEnv : fromJunit.or(() -> Optional.ofNullable(file.getProperty(key)));
    }

    /** The environment variable that stands for {@code key}: {@code dbtestkit.postgresql.url} is {@code DBTESTKIT_POSTGRESQL_URL}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Reads these sources into {@link Settings}. */
    public Settings settings() {
        return Settings.from(this::get, keys());
    }

    /**
     * The keys the properties file and the system properties set. JUnit's lookup cannot list its launcher parameters,
     * and environment variable names cannot be turned back into dotted keys, so a key only they set is not listed
     * (they still override the value of a listed key).
     */
    public java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.TreeSet<>(file.stringPropertyNames());
        keys.addAll(systemProperties.stringPropertyNames());
        return keys;
    }

    private static Properties loadPropertiesFile() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigurationSources.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(PROPERTIES_FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROPERTIES_FILE + " from the classpath", e);
        }
        return properties;
    }
}
