package io.github.dbtestkit.core.internal.hibernate;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.naming.SpringBootImplicitNamingStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The {@code dbtestkit.naming} preset: expanded once, for Hibernate, with explicit keys winning. */
class HibernatePropertiesTest {

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    @Test
    void springBootExpandsIntoBothNamingStrategiesAndIsNotPassedToHibernate() {
        HibernateProperties properties = HibernateProperties.parse(List.of("dbtestkit.naming=spring-boot"), "a test");

        assertThat(properties.hibernateSettings()).containsOnly(
                entry("hibernate.physical_naming_strategy", SNAKE_CASE),
                entry("hibernate.implicit_naming_strategy", SpringBootImplicitNamingStrategy.class.getName()));
        assertThat(properties.values()).containsOnly(entry("dbtestkit.naming", "spring-boot"));
    }

    @Test
    void hibernateAndNoPresetSetNothing() {
        assertThat(HibernateProperties.of(Map.of("dbtestkit.naming", "hibernate")).hibernateSettings()).isEmpty();
        assertThat(HibernateProperties.of(Map.of("hibernate.default_schema", "app")).hibernateSettings())
                .containsOnly(entry("hibernate.default_schema", "app"));
    }

    @Test
    void anExplicitNamingStrategyWinsOverThePreset() {
        HibernateProperties properties = HibernateProperties.of(Map.of("dbtestkit.naming", "spring-boot"))
                .overriddenBy(HibernateProperties.of(Map.of("hibernate.implicit_naming_strategy", "component-path")));

        assertThat(properties.hibernateSettings())
                .containsEntry("hibernate.implicit_naming_strategy", "component-path")
                .containsEntry("hibernate.physical_naming_strategy", SNAKE_CASE);
    }

    @Test
    void aLaterPresetReplacesAnEarlierOne() {
        HibernateProperties properties = HibernateProperties.of(Map.of("dbtestkit.naming", "spring-boot"))
                .overriddenBy(HibernateProperties.of(Map.of("dbtestkit.naming", "hibernate")));

        assertThat(properties.hibernateSettings()).isEmpty();
    }

    @Test
    void anUnknownPresetIsNamedWithWhereItWasWrittenAndTheAcceptedValues() {
        assertThatThrownBy(() -> HibernateProperties.parse(List.of("dbtestkit.naming=springboot"),
                "@DatabaseTest(hibernateProperties) on com.acme.OwnerTest"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("dbtestkit.naming=springboot in @DatabaseTest(hibernateProperties) on com.acme.OwnerTest is"
                        + " not a naming preset: use hibernate (Hibernate's defaults) or spring-boot (Spring Boot's"
                        + " snake_case names and join tables).");
    }

    @Test
    void anUnknownPresetInAFileNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hibernate.properties"), "dbtestkit.naming=boot\n");

        assertThatThrownBy(() -> HibernateProperties.read(file))
                .hasMessageStartingWith("dbtestkit.naming=boot in the Hibernate properties file " + file
                        + " is not a naming preset: use hibernate");
    }

    @Test
    void presetsAreCaseInsensitive() {
        assertThat(HibernateProperties.of(Map.of("dbtestkit.naming", "Spring-Boot")).namingPreset())
                .isEqualTo(NamingPreset.SPRING_BOOT);
    }

    @Test
    void differentPresetsAreDifferentSettingsSoTheyShareNoCache() {
        HibernateProperties boot = HibernateProperties.of(Map.of("dbtestkit.naming", "spring-boot"));

        assertThat(boot).isEqualTo(HibernateProperties.parse(List.of("dbtestkit.naming=spring-boot"), "a test"))
                .isNotEqualTo(HibernateProperties.NONE)
                .isNotEqualTo(HibernateProperties.of(Map.of("dbtestkit.naming", "hibernate")));
    }
}
