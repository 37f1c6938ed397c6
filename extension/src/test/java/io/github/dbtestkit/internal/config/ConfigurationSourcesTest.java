package io.github.dbtestkit.internal.config;

import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Later sources override earlier ones: properties file, environment, system property, launcher parameter. */
class ConfigurationSourcesTest {

    private static final String KEY = "dbtestkit.postgresql.url";

    private final Properties file = new Properties();
    private final Properties system = new Properties();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> launcher = new HashMap<>();

    /** JUnit's own merge: launcher parameters, then system properties, then the file. */
    private Optional<String> junit(String key) {
        if (launcher.containsKey(key)) {
            return Optional.of(launcher.get(key));
        }
        if (system.getProperty(key) != null) {
            return Optional.of(system.getProperty(key));
        }
        return Optional.ofNullable(file.getProperty(key));
    }

    private Optional<String> lookup() {
        return new ConfigurationSources(this::junit, environment, system, file).get(KEY);
    }

    @Test
    void environmentOverridesThePropertiesFile() {
        file.setProperty(KEY, "from-file");
        environment.put("DBTESTKIT_POSTGRESQL_URL", "from-env");

        assertThat(lookup()).contains("from-env");
    }

    @Test
    void systemPropertyOverridesTheEnvironment() {
        file.setProperty(KEY, "from-file");
        environment.put("DBTESTKIT_POSTGRESQL_URL", "from-env");
        system.setProperty(KEY, "from-system");

        assertThat(lookup()).contains("from-system");
    }

    @Test
    void launcherParameterOverridesEverything() {
        environment.put("DBTESTKIT_POSTGRESQL_URL", "from-env");
        system.setProperty(KEY, "from-system");
        launcher.put(KEY, "from-launcher");

        assertThat(lookup()).contains("from-launcher");
    }

    @Test
    void eachSourceAloneIsRead() {
        assertThat(lookup()).isEmpty();
        file.setProperty(KEY, "from-file");
        assertThat(lookup()).contains("from-file");
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertThat(ConfigurationSources.environmentName("dbtestkit.postgresql.url")).isEqualTo("DBTESTKIT_POSTGRESQL_URL");
        assertThat(ConfigurationSources.environmentName("dbtestkit.report.dir")).isEqualTo("DBTESTKIT_REPORT_DIR");
    }

    @Test
    void settingsHaveDefaultsAndParseEngines() {
        Settings defaults = Settings.defaults();
        assertThat(defaults.engines()).isEmpty();
        assertThat(defaults.enginesOverride()).isEmpty();
        assertThat(defaults.postgresql().providerId()).isEqualTo("auto");
        assertThat(defaults.reportDir()).isEqualTo(Path.of("target/dbtestkit"));

        Settings parsed = Settings.from(key -> key.equals(Settings.ENGINES) ? Optional.of(" PostgreSQL, h2 ,postgresql") : Optional.empty(), List.of());
        assertThat(parsed.engines()).contains(List.of(Engine.POSTGRESQL, Engine.H2));
    }

    @Test
    void overrideKeyIsReadOnItsOwn() {
        Settings parsed = Settings.from(key -> key.equals(Settings.ENGINES_OVERRIDE) ? Optional.of("sqlite") : Optional.empty(), List.of());

        assertThat(parsed.engines()).isEmpty();
        assertThat(parsed.enginesOverride()).contains(List.of(Engine.SQLITE));
        assertThat(Settings.ENGINES_OVERRIDE).isEqualTo("dbtestkit.engines.override");
        assertThat(ConfigurationSources.environmentName(Settings.ENGINES_OVERRIDE)).isEqualTo("DBTESTKIT_ENGINES_OVERRIDE");
    }

    @Test
    void blankOverrideListIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> Settings.from(key -> key.equals(Settings.ENGINES_OVERRIDE) ? Optional.of(",") : Optional.empty(), List.of()))
                .hasMessage("dbtestkit.engines.override=, names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
    }

    @Test
    void blankEngineListIsRejected() {
        assertThatThrownBy(() -> Settings.from(key -> key.equals(Settings.ENGINES) ? Optional.of(" , ") : Optional.empty(), List.of()))
                .hasMessage("dbtestkit.engines=, names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
    }

    @Test
    void freshPoolSizeDefaultsToTwoReadyClonesAndZeroClonesOnDemand() {
        assertThat(Settings.defaults().freshPoolSize()).isEqualTo(Settings.DEFAULT_FRESH_POOL_SIZE).isEqualTo(2);

        Settings onDemand = Settings.from(key -> key.equals("dbtestkit.postgresql.fresh-pool-size") ? Optional.of(" 0 ")
                : Optional.empty(), List.of());

        assertThat(onDemand.freshPoolSize()).isZero();
        assertThat(ConfigurationSources.environmentName(Settings.FRESH_POOL_SIZE))
                .isEqualTo("DBTESTKIT_POSTGRESQL_FRESH_POOL_SIZE");
    }

    @Test
    void aFreshPoolSizeThatIsNoCountIsRejectedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> Settings.from(key -> key.equals(Settings.FRESH_POOL_SIZE) ? Optional.of("many")
                : Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dbtestkit.postgresql.fresh-pool-size=many: expected a number of ready clones from 0 (clone on"
                        + " demand) to 32, e.g. 2.");
        assertThatThrownBy(() -> Settings.from(key -> key.equals(Settings.FRESH_POOL_SIZE) ? Optional.of("-1")
                : Optional.empty(), List.of()))
                .hasMessageStartingWith("dbtestkit.postgresql.fresh-pool-size=-1: ");
    }

    @Test
    void theBackgroundSessionFactoryIsOnUnlessSwitchedOff() {
        assertThat(Settings.defaults().backgroundSessionFactory()).isTrue();
        assertThat(Settings.from(key -> key.equals(Settings.BACKGROUND_SESSION_FACTORY) ? Optional.of("FALSE") : Optional.empty(),
                List.of()).backgroundSessionFactory()).isFalse();
    }

    @Test
    void aBackgroundSessionFactoryValueOtherThanTrueOrFalseIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> Settings.from(key -> key.equals(Settings.BACKGROUND_SESSION_FACTORY) ? Optional.of("later")
                : Optional.empty(), List.of()))
                .hasMessage("dbtestkit.session-factory.background=later: expected true or false.");
    }
}
