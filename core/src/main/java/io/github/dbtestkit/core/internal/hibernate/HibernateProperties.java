package io.github.dbtestkit.core.internal.hibernate;

import io.github.dbtestkit.core.ProvisioningException;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Hibernate settings an application configures (a naming strategy, {@code hibernate.default_schema}, type
 * contributors), applied the same way wherever dbtestkit reads the mapping: create_all, the {@code SessionFactory},
 * schema validation and the migration checks. Immutable, sorted by key, so equal settings share caches.
 *
 * <p>What Hibernate reads by itself, {@code hibernate.properties} on the class path, comes first; these settings
 * override it. {@link #toString()} masks the value of every key that names a password or secret.
 *
 * <pre>{@code
 * HibernateProperties properties = HibernateProperties.parse(List.of(
 *         "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"),
 *         "@DatabaseTest(hibernateProperties) on OwnerTest");
 * }</pre>
 *
 * @param values the settings, by Hibernate key
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record HibernateProperties(Map<String, Object> values) {

    /** No settings. */
    public static final HibernateProperties NONE = new HibernateProperties(Map.of());

    /** Copies and sorts. */
    public HibernateProperties {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** These settings; {@code null} values are refused. */
    public static HibernateProperties of(Map<String, ?> values) {
        values.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("A Hibernate property needs a key and a value, not " + key + "="
                        + value + ".");
            }
        });
        return new HibernateProperties(Map.copyOf(values));
    }

    /**
     * Parses {@code key=value} lines, as {@code @DatabaseTest(hibernateProperties)} and the CLI's
     * {@code --hibernate-property} take them.
     *
     * @param where what the user wrote them in, for messages
     * @throws ProvisioningException naming the line and {@code where} when a line has no {@code =} or no key
     */
    public static HibernateProperties parse(Collection<String> lines, String where) {
        Map<String, Object> values = new TreeMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (key.isEmpty()) {
                throw new ProvisioningException("Hibernate property \"" + line + "\" in " + where
                        + " is not of the form key=value, e.g. hibernate.physical_naming_strategy="
                        + "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl.");
            }
            values.put(key, line.substring(equals + 1).strip());
        }
        return new HibernateProperties(values);
    }

    /**
     * Reads a {@code .properties} file of Hibernate settings.
     *
     * @throws ProvisioningException naming the file when it cannot be read
     */
    public static HibernateProperties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvisioningException("Cannot read the Hibernate properties file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return new HibernateProperties(values);
    }

    /** These settings, with {@code others}' replacing any of the same key. */
    public HibernateProperties overriddenBy(HibernateProperties others) {
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(others.values);
        return new HibernateProperties(merged);
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code {hibernate.default_schema=app, hibernate.connection.password=****}}: secrets masked. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (secret(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static boolean secret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("credential");
    }
}
