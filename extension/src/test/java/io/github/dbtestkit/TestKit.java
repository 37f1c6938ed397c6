package io.github.dbtestkit;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs user-like test classes through the Jupiter engine, as JUnit's own tests do. */
final class TestKit {

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    /** Runs several classes in one execution, so that they share its databases as the classes of one build do. */
    static EngineExecutionResults run(Class<?> first, Class<?>... more) {
        List<org.junit.platform.engine.DiscoverySelector> selectors = new java.util.ArrayList<>();
        selectors.add(selectClass(first));
        for (Class<?> each : more) {
            selectors.add(selectClass(each));
        }
        return EngineTestKit.engine("junit-jupiter").selectors(selectors.toArray(org.junit.platform.engine.DiscoverySelector[]::new)).execute();
    }

    /** Runs several classes in one execution with {@code configuration}, e.g. parallel execution on. */
    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(testClass))
                .execute();
    }

    /** The messages of every failure in the run, tests and containers alike, with their display names. */
    static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(TestKit::describe)
                .toList();
    }

    private static String describe(Event event) {
        Optional<Throwable> error = event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        return event.getTestDescriptor().getDisplayName() + ": " + error.map(Throwable::getMessage).orElse("");
    }

    /** Display names of the skipped tests and containers with their reasons. */
    static List<String> skips(EngineExecutionResults results) {
        return results.allEvents().skipped().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(String.class).orElse(""))
                .toList();
    }
}
