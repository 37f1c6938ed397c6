package io.github.dbtestkit.core.internal.hibernate;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.naming.SpringBootImplicitNamingStrategy;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of {@code dbtestkit.naming}: a whole application's naming in one setting, expanded by
 * {@link HibernateProperties#hibernateSettings()} into Hibernate's naming strategy keys.
 *
 * <pre>{@code
 * NamingPreset.of("spring-boot", "junit-platform.properties").settings(); // physical snake_case + Boot's implicit names
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum NamingPreset {

    /** Hibernate's own defaults: sets nothing. */
    HIBERNATE("hibernate", "Hibernate's defaults", Map.of()),

    /** What Spring Boot 4 configures: snake_case physical names, join tables named {@code <table>_<attribute>}. */
    SPRING_BOOT("spring-boot", "Spring Boot's snake_case names and join tables", Map.of(
            HibernateProperties.PHYSICAL_NAMING_STRATEGY,
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
            HibernateProperties.IMPLICIT_NAMING_STRATEGY, SpringBootImplicitNamingStrategy.class.getName()));

    private final String value;
    private final String meaning;
    private final Map<String, String> settings;

    NamingPreset(String value, String meaning, Map<String, String> settings) {
        this.value = value;
        this.meaning = meaning;
        this.settings = settings;
    }

    /**
     * The preset of this value (case and surrounding blanks ignored).
     *
     * @param where what the user wrote it in, for the message
     * @throws ProvisioningException naming the value, {@code where} and the accepted values
     */
    public static NamingPreset of(String value, String where) {
        String wanted = value.strip();
        return Arrays.stream(values()).filter(preset -> preset.value.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new ProvisioningException(HibernateProperties.NAMING + "=" + value + " in " + where
                        + " is not a naming preset: use " + Arrays.stream(values())
                        .map(preset -> preset.value + " (" + preset.meaning + ")")
                        .collect(Collectors.joining(" or ")) + "."));
    }

    /** The value to write: {@code spring-boot}. */
    public String value() {
        return value;
    }

    /** The Hibernate settings it stands for. */
    public Map<String, String> settings() {
        return settings;
    }
}
