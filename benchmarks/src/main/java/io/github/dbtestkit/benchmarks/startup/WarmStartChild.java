package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.core.PostgresSettings;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The main class of a child JVM started by {@link WarmStartBenchmark}: runs {@link MigratedPostgresFirstTest} on the
 * embedded provider with the template cache in a given folder, or with the cache off, and exits 0 when its one test
 * passed.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.WarmStartChild /tmp/cache on /tmp/report
 * }</pre>
 */
public final class WarmStartChild {

    private WarmStartChild() {
    }

    /** @param args the cache folder, {@code on} or {@code off}, and the folder for dbtestkit's run report */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("Usage: WarmStartChild <cache-dir> on|off <report-dir>");
            System.exit(2);
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(MigratedPostgresFirstTest.class))
                .configurationParameter(InProcessLauncher.REPORT_DIR, args[2])
                .configurationParameter(PostgresSettings.PROVIDER, "embedded")
                .configurationParameter(PostgresSettings.TEMPLATE_CACHE_DIR, args[0])
                .configurationParameter(PostgresSettings.TEMPLATE_CACHE, Boolean.toString(args[1].equals("on")))
                .build(), summary);
        TestExecutionSummary result = summary.getSummary();
        if (result.getTestsSucceededCount() != 1 || result.getTotalFailureCount() != 0) {
            result.printFailuresTo(new PrintWriter(System.err, true), 20);
            System.exit(1);
        }
        System.exit(0);
    }
}
