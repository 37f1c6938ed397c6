package io.github.dbtestkit.benchmarks;

import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void missingPropertiesGiveTheDefaultsOfAFullRun() {
        BenchmarkOptions options = BenchmarkOptions.from(new Properties());

        assertThat(options.engines()).containsExactly(Engine.H2, Engine.SQLITE, Engine.POSTGRESQL);
        assertThat(options.iterations()).isEqualTo(1000);
        assertThat(options.warmups()).isEqualTo(5);
        assertThat(options.rounds()).isEqualTo(10);
        assertThat(options.jvms()).isEqualTo(5);
        assertThat(options.selects("rollback-overhead")).isTrue();
        assertThat(options.selects("first-test")).isTrue();
    }

    @Test
    void propertiesSelectEnginesCountsAndBenchmarks() {
        Properties properties = properties(
                "bench.engines", " sqlite, pg ,sqlite",
                "bench.iterations", "200",
                "bench.warmups", "1",
                "bench.rounds", "3",
                "bench.jvms", "2",
                "bench.only", "First-Test");

        BenchmarkOptions options = BenchmarkOptions.from(properties);

        assertThat(options.engines()).containsExactly(Engine.SQLITE, Engine.POSTGRESQL);
        assertThat(options.iterations()).isEqualTo(200);
        assertThat(options.warmups()).isEqualTo(1);
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.jvms()).isEqualTo(2);
        assertThat(options.selects("first-test")).isTrue();
        assertThat(options.selects("rollback-overhead")).isFalse();
        assertThat(options.describe()).contains("bench.engines=sqlite,postgresql", "bench.only=first-test");
    }

    @Test
    void smokeModeRunsEveryBenchmarkOnceAtItsSmallestCountsWhateverTheOtherKeysSay() {
        BenchmarkOptions options = BenchmarkOptions.from(properties(
                "bench.smoke", "true", "bench.iterations", "1000", "bench.rounds", "10", "bench.jvms", "5"));

        assertThat(options.smoke()).isTrue();
        assertThat(options.iterations()).isEqualTo(BenchmarkOptions.SMOKE_ITERATIONS);
        assertThat(options.warmups()).isEqualTo(1);
        assertThat(options.rounds()).isEqualTo(1);
        assertThat(options.jvms()).isEqualTo(1);
        assertThat(options.isFullRun()).isFalse();
        assertThat(options.describe()).contains("bench.smoke=true");
    }

    @Test
    void theDefaultsAreAFullRunAndSmokeIsOff() {
        BenchmarkOptions options = BenchmarkOptions.from(properties("bench.smoke", "false"));

        assertThat(options.smoke()).isFalse();
        assertThat(options.isFullRun()).isTrue();
    }

    @Test
    void aSmokeValueThatIsNotABooleanIsNamed() {
        assertThatThrownBy(() -> BenchmarkOptions.from(properties("bench.smoke", "yes")))
                .hasMessage("bench.smoke=yes is neither true nor false.");
    }

    @Test
    void anUnknownEngineIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> BenchmarkOptions.from(properties("bench.engines", "h2,oracle")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bench.engines=h2,oracle: Unknown engine 'oracle': expected one of h2, sqlite, postgresql.");
    }

    @Test
    void anEmptyEngineListSaysWhatToWrite() {
        assertThatThrownBy(() -> BenchmarkOptions.from(properties("bench.engines", " , ")))
                .hasMessage("bench.engines names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
    }

    @Test
    void aCountThatIsNotANumberIsNamedWithAnExample() {
        assertThatThrownBy(() -> BenchmarkOptions.from(properties("bench.iterations", "lots")))
                .hasMessage("bench.iterations=lots is not a whole number: set it to e.g. 1000.");
    }

    @Test
    void noWarmUpIsRefusedBecauseTheFirstRunPaysTheSetup() {
        assertThatThrownBy(() -> BenchmarkOptions.from(properties("bench.warmups", "0")))
                .hasMessage("bench.warmups=0 is too small: it must be at least 1.");
    }

    @Test
    void anUnknownBenchmarkIdIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> Main.requireKnownIds(Set.of("startup")))
                .hasMessage("Unknown benchmark 'startup' in bench.only: expected all or a comma-separated list of"
                        + " blog-workers, blog-workload, first-test, fresh-database, micro, migration-reuse, migration-scaling, rollback-overhead,"
                        + " test-count-scaling, validation-scaling, warm-start.");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
