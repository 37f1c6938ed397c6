package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;
import io.github.dbtestkit.internal.config.ConfigurationSources;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.internal.report.RunResults.Outcome;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import io.github.dbtestkit.internal.lifecycle.DatabaseLifecycle;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the result of every test that ran inside a {@code @DatabaseTest} engine run and, when the run ends,
 * prints a tests × engines matrix and writes {@code report.html}, {@code report.md} and {@code report.json} to
 * {@code dbtestkit.report.dir} (default {@code target/dbtestkit}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; runs without database tests report
 * nothing.
 *
 * <pre>{@code
 * mvn test   # ... then open target/dbtestkit/report.html
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReportListener implements TestExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunReportListener.class);
    private static final String INVOCATION_SEGMENT = "class-template-invocation";

    private RunResults results = new RunResults();
    private final Map<UniqueId, String> engineOfRun = new ConcurrentHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        this.results = new RunResults();
        this.engineOfRun.clear();
    }

    /** Each engine run says which engine it is, in a report entry published before its tests. */
    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        entry.getKeyValuePairs().entrySet().stream()
                .filter(pair -> pair.getKey().equals(DatabaseLifecycle.ENGINE_ENTRY))
                .findFirst()
                .ifPresent(pair -> engineOfRun.put(identifier.getUniqueIdObject(), pair.getValue()));
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

    private void record(TestIdentifier test, Outcome outcome, String detail) {
        if (plan == null) {
            return;
        }
        engineRunOf(test).ifPresent(run -> {
            String engine = engineOfRun.get(run.getUniqueIdObject());
            if (engine != null) {
                String testClass = plan.getParent(run).map(TestIdentifier::getLegacyReportingName).orElse(run.getDisplayName());
                results.record(testClass, nameBelow(run, test), engine, outcome, detail);
            }
        });
    }

    /** The test's display name, prefixed by its containers below the engine run (repeated and parameterized tests). */
    private String nameBelow(TestIdentifier run, TestIdentifier test) {
        StringBuilder name = new StringBuilder(test.getDisplayName());
        Optional<TestIdentifier> parent = plan.getParent(test);
        while (parent.isPresent() && !parent.get().equals(run)) {
            name.insert(0, parent.get().getDisplayName() + " > ");
            parent = plan.getParent(parent.get());
        }
        return name.toString();
    }

    private Optional<TestIdentifier> engineRunOf(TestIdentifier test) {
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
        if (results.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.print(RunReportRenderer.console(results));
        Path dir = reportDir(testPlan);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), RunReportRenderer.markdown(results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), RunReportRenderer.json(results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), RunReportRenderer.html(results), StandardCharsets.UTF_8);
            System.out.println("dbtestkit: run report written to " + dir.toAbsolutePath().resolve("report.html"));
        } catch (IOException e) {
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
