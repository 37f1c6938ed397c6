package io.github.dbtestkit.internal.report;

import io.github.dbtestkit.internal.config.ConfigurationSources;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.internal.crossengine.CrossEngineSession;
import io.github.dbtestkit.internal.lifecycle.DatabaseLifecycle;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the result of every test that ran inside a {@code @DatabaseTest} engine run and, when the run ends,
 * prints what differs between engines and writes {@code report.html}, {@code report.md} and {@code report.json} to
 * {@code dbtestkit.report.dir} (default {@code target/dbtestkit}), merged with the reports of the run's other JVMs
 * (Surefire forks, see {@link ReportFiles}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; runs without database tests report
 * nothing. Every callback may come from any thread (JUnit's parallel execution): its state is concurrent.
 *
 * <pre>{@code
 * mvn test   # ... then open target/dbtestkit/report.html
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReportListener implements TestExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunReportListener.class);
    private static final String INVOCATION_SEGMENT = "class-template-invocation";
    private static final String FACT_PREFIX = "dbtestkit.";

    private volatile RunResults results = new RunResults();
    private final Map<UniqueId, String> engineOfRun = new ConcurrentHashMap<>();
    private final Map<UniqueId, Long> started = new ConcurrentHashMap<>();
    private final Map<UniqueId, List<String>> crossEngine = new ConcurrentHashMap<>();
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.results = new RunResults();
        this.engineOfRun.clear();
        this.started.clear();
        this.crossEngine.clear();
        this.plan = testPlan;
    }

    /**
     * Each engine run says which engine it is and what its database is (entries published before its tests); each
     * cross-engine test publishes every engine's result of each statement it compares.
     */
    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        UniqueId id = identifier.getUniqueIdObject();
        String engine = pairs.get(DatabaseLifecycle.ENGINE_ENTRY);
        if (engine != null) {
            engineOfRun.put(id, engine);
        }
        String compared = pairs.get(CrossEngineSession.REPORT_ENTRY);
        if (compared != null) {
            crossEngine.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(compared);
        }
        String runEngine = engineOfRun.get(id);
        if (runEngine != null && pairs.keySet().stream().anyMatch(k -> k.startsWith(FACT_PREFIX)
                && !k.equals(DatabaseLifecycle.ENGINE_ENTRY))) {
            results.facts(runEngine, pairs);
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isTest()) {
            started.put(identifier.getUniqueIdObject(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            record(identifier, Outcome.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) {
            return;
        }
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASSED;
            case FAILED -> Outcome.FAILED;
            case ABORTED -> Outcome.SKIPPED;
        };
        record(identifier, outcome, result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""));
    }

    private void record(TestIdentifier test, Outcome outcome, String message) {
        TestPlan current = plan;
        if (current == null) {
            return;
        }
        Long start = started.remove(test.getUniqueIdObject());
        Long millis = start == null ? null : (System.nanoTime() - start) / 1_000_000;
        List<String> entries = crossEngine.remove(test.getUniqueIdObject());
        engineRunOf(current, test).ifPresent(run -> {
            String engine = engineOfRun.get(run.getUniqueIdObject());
            if (engine == null) {
                return;
            }
            String testClass = current.getParent(run).map(TestIdentifier::getLegacyReportingName).orElse(run.getDisplayName());
            String name = nameBelow(current, run, test);
            if (entries == null || entries.isEmpty()) {
                results.record(testClass, name, engine, new Cell(outcome, message, millis, List.of()));
                return;
            }
            // a cross-engine test ran once for every engine: each engine's cell shows its own results
            List<CrossEngineEntry> parsed;
            synchronized (entries) {
                parsed = entries.stream().map(CrossEngineEntry::parse).toList();
            }
            java.util.Set<String> engines = new java.util.LinkedHashSet<>();
            engines.add(engine);
            parsed.forEach(p -> engines.addAll(p.results().keySet()));
            for (String each : engines) {
                List<String> lines = parsed.stream().filter(p -> p.results().containsKey(each)).map(p -> p.lineFor(each)).toList();
                results.record(testClass, name, each, new Cell(outcome, message, each.equals(engine) ? millis : null,
                        lines.isEmpty() ? List.of("(no statement compared)") : lines));
            }
        });
    }

    /** The test's display name, prefixed by its containers below the engine run (repeated and parameterized tests). */
    private static String nameBelow(TestPlan plan, TestIdentifier run, TestIdentifier test) {
        StringBuilder name = new StringBuilder(test.getDisplayName());
        Optional<TestIdentifier> parent = plan.getParent(test);
        while (parent.isPresent() && !parent.get().equals(run)) {
            name.insert(0, parent.get().getDisplayName() + " > ");
            parent = plan.getParent(parent.get());
        }
        return name.toString();
    }

    private static Optional<TestIdentifier> engineRunOf(TestPlan plan, TestIdentifier test) {
        Optional<TestIdentifier> current = plan.getParent(test);
        while (current.isPresent()) {
            UniqueId id = current.get().getUniqueIdObject();
            if (id.getLastSegment().getType().equals(INVOCATION_SEGMENT)) {
                return current;
            }
            current = plan.getParent(current.get());
        }
        return Optional.empty();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunResults finished = results;
        if (finished.isEmpty()) {
            return;
        }
        Path dir = reportDir(testPlan);
        try {
            ReportFiles.write(finished.report(), dir, ForkIdentity.current());
            System.out.println();
            System.out.print(ConsoleReport.render(finished.report()));
            System.out.println("dbtestkit: run report written to " + dir.toAbsolutePath().resolve(ReportFiles.HTML));
        } catch (IOException | RuntimeException e) {
            LOG.warn("dbtestkit could not write the run report to {}: {}", dir.toAbsolutePath(), e.getMessage());
        }
    }

    private static Path reportDir(TestPlan testPlan) {
        try {
            Settings settings = ConfigurationSources.of(key -> testPlan.getConfigurationParameters().get(key)).settings();
            return settings.reportDir();
        } catch (IllegalArgumentException e) {
            return Path.of("target", "dbtestkit");
        }
    }
}
