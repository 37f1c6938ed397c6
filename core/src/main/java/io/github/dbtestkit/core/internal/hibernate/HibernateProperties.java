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
 * <p>One key is dbtestkit's own: {@value #NAMING}, a naming preset. {@code dbtestkit.naming=spring-boot} stands for
 * Spring Boot's naming (Hibernate's {@code PhysicalNamingStrategySnakeCaseImpl} and
 * {@link io.github.dbtestkit.core.naming.SpringBootImplicitNamingStrategy}); {@code hibernate}, the default, for none.
 * The key travels with the other settings, so it is merged, compared and cached like them, and is expanded only
 * when the settings are handed to Hibernate ({@link #hibernateSettings()}), where a naming strategy key that is set
 * explicitly wins over the preset's.
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

    /** The naming preset's key: {@code dbtestkit.naming=spring-boot}. */
    public static final String NAMING = "dbtestkit.naming";

    /** Hibernate's key of the physical naming strategy. */
    public static final String PHYSICAL_NAMING_STRATEGY = "hibernate.physical_naming_strategy";

    /** Hibernate's key of the implicit naming strategy. */
    public static final String IMPLICIT_NAMING_STRATEGY = "hibernate.implicit_naming_strategy";

    /** No settings. */
    public static final HibernateProperties NONE = new HibernateProperties(Map.of());

    /** Copies and sorts. */
    public HibernateProperties {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** These settings; {@code null} values are refused. */
    public static HibernateProperties of(Map<String, ?> values) {
        return of(values, "Hibernate properties");
    }

    /**
     * As {@link #of(Map)}, naming {@code where} they were written in messages.
     *
     * @throws IllegalArgumentException for a blank key or a {@code null} value
     * @throws ProvisioningException for an unknown {@value #NAMING} value
     */
    public static HibernateProperties of(Map<String, ?> values, String where) {
        values.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("A Hibernate property needs a key and a value, not " + key + "="
                        + value + ".");
            }
        });
        return new HibernateProperties(Map.copyOf(values)).checked(where);
    }

    /**
     * Parses {@code key=value} lines, as {@code @DatabaseTest(hibernateProperties)} and the CLI's
     * {@code --hibernate-property} take them.
     *
     * @param where what the user wrote them in, for messages
     * @throws ProvisioningException naming the line and {@code where} when a line has no {@code =} or no key, or
     *                               when {@value #NAMING} names no preset
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
        return new HibernateProperties(values).checked(where);
    }

    /**
     * Reads a {@code .properties} file of Hibernate settings.
     *
     * @throws ProvisioningException naming the file when it cannot be read, or when {@value #NAMING} names no preset
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
        return new HibernateProperties(values).checked("the Hibernate properties file " + file);
    }

    /** These settings, with {@code others}' replacing any of the same key. */
    public HibernateProperties overriddenBy(HibernateProperties others) {
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(others.values);
        return new HibernateProperties(merged);
    }

    /**
     * These settings, after checking that {@value #NAMING}, if set, names a preset.
     *
     * @param where what the user wrote them in, for the message
     * @throws ProvisioningException naming the value, {@code where} and the accepted values
     */
    public HibernateProperties checked(String where) {
        namingPreset(where);
        return this;
    }

    /** The preset {@value #NAMING} selects; {@link NamingPreset#HIBERNATE} when unset. */
    public NamingPreset namingPreset() {
        return namingPreset("Hibernate properties " + this);
    }

    private NamingPreset namingPreset(String where) {
        Object value = values.get(NAMING);
        return value == null ? NamingPreset.HIBERNATE : NamingPreset.of(String.valueOf(value), where);
    }

    /**
     * The settings as Hibernate is given them: the {@value #NAMING} preset expanded into its naming strategy keys,
     * unless those are set explicitly, and the {@value #NAMING} key itself left out. The one place the preset is
     * expanded; every Hibernate bootstrap of dbtestkit (create_all, the {@code SessionFactory}, schema validation)
     * takes its settings from here.
     */
    public Map<String, Object> hibernateSettings() {
        Map<String, Object> settings = new TreeMap<>(values);
        settings.remove(NAMING);
        namingPreset().settings().forEach(settings::putIfAbsent);
        return Collections.unmodifiableMap(settings);
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
