package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The main class of a child JVM started by {@link FirstTestBenchmark}: runs one test class through the JUnit Platform
 * Launcher, as a build tool would, and exits 0 when exactly one test passed.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild sqlite /tmp/report
 * }</pre>
 */
public final class FirstTestChild {

    /** The variant that runs {@link FirstPlainTest} instead of a database test. */
    public static final String PLAIN = "plain";
    /** The variant that runs {@link FirstHibernateByHandTest}: Hibernate on H2 without dbtestkit. */
    public static final String H2_HIBERNATE = "h2-hibernate";
    /** The variant that runs {@link FirstHibernateMetadataOnlyTest}: Hibernate metadata and create, no factory. */
    public static final String H2_METADATA = "h2-metadata";
    /** The variant that runs {@link FirstEntityManagerTest}: a first JPA test on H2, timed to its end. */
    public static final String H2_ENTITY_MANAGER = "h2-em";
    /** The variant that runs {@link FirstMigratedEntityManagerTest}: the same on a migrated, validated schema. */
    public static final String H2_MIGRATED_ENTITY_MANAGER = "h2-em-migrations";

    private FirstTestChild() {
    }

    /**
     * Marks {@code main} on entry, {@code discovered} once the test plan is discovered and {@code test-end} when the
     * test finishes (see {@link FirstTestMarker#mark(String)}).
     *
     * @param args the variant ({@value #PLAIN}, {@value #H2_HIBERNATE}, {@value #H2_METADATA}, {@value #H2_ENTITY_MANAGER},
     *             {@value #H2_MIGRATED_ENTITY_MANAGER} or an engine id) and the folder for dbtestkit's run report
     */
    public static void main(String[] args) {
        FirstTestMarker.mark("main");
        if (args.length != 2) {
            System.err.println("Usage: FirstTestChild plain|h2-hibernate|h2-metadata|h2-em|h2-em-migrations|h2|sqlite|postgresql <report-dir>");
            System.exit(2);
        }
        String variant = args[0];
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter(InProcessLauncher.REPORT_DIR, args[1]);
        if (variant.equals(PLAIN)) {
            request.selectors(selectClass(FirstPlainTest.class));
        } else if (variant.equals(H2_HIBERNATE)) {
            request.selectors(selectClass(FirstHibernateByHandTest.class));
        } else if (variant.equals(H2_METADATA)) {
            request.selectors(selectClass(FirstHibernateMetadataOnlyTest.class));
        } else if (variant.equals(H2_ENTITY_MANAGER)) {
            request.selectors(selectClass(FirstEntityManagerTest.class));
        } else if (variant.equals(H2_MIGRATED_ENTITY_MANAGER)) {
            request.selectors(selectClass(FirstMigratedEntityManagerTest.class));
        } else {
            request.selectors(selectClass(FirstDatabaseTest.class)).configurationParameter(InProcessLauncher.ENGINES, variant);
        }
        LauncherDiscoveryRequest discovery = request.build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(discovery);
        FirstTestMarker.mark("discovered");
        launcher.execute(plan, summary, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    FirstTestMarker.mark("test-end");
                }
            }
        });
        TestExecutionSummary result = summary.getSummary();
        if (result.getTestsSucceededCount() != 1 || result.getTotalFailureCount() != 0) {
            result.printFailuresTo(new PrintWriter(System.err, true), 20);
            System.err.println("Expected exactly one passing test, got " + result.getTestsSucceededCount() + " passed and "
                    + result.getTotalFailureCount() + " failed.");
            System.exit(1);
        }
        System.exit(0);
    }
}
