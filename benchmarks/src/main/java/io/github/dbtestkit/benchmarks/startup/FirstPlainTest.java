package io.github.dbtestkit.benchmarks.startup;

import org.junit.jupiter.api.Test;

/**
 * The baseline of time to first test: a fresh JVM running one plain JUnit test with no database, so the time is the
 * JVM's and JUnit's own startup.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild plain <report-dir>
 * }</pre>
 */
public class FirstPlainTest {

    @Test
    void firstTest() {
        FirstTestMarker.reached();
    }
}
