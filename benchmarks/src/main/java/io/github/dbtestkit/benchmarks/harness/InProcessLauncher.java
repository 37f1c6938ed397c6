package io.github.dbtestkit.benchmarks.harness;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs test classes through the JUnit Platform in this JVM, all within one launcher session, the way a build tool
 * runs a test suite: database servers the extension starts stay up between runs, as they would between the classes of
 * one suite, and stop when this closes. Every listener registered through {@code META-INF/services} (dbtestkit's run
 * report included) takes part, as in a user's build; what they print goes nowhere, and the run report goes to a
 * temporary folder deleted on close.
 *
 * <pre>{@code
 * try (InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
 *     TestSpan span = launcher.run(MyTest.class, Map.of("dbtestkit.engines", "h2")); }
 * }</pre>
 */
public final class InProcessLauncher implements AutoCloseable {

    /** The configuration key that selects the engines of a run ({@code dbtestkit.engines}). */
    public static final String ENGINES = "dbtestkit.engines";
    /** The configuration key of the report folder ({@code dbtestkit.report.dir}). */
    public static final String REPORT_DIR = "dbtestkit.report.dir";

    private static InProcessLauncher shared;

    private final LauncherSession session = LauncherFactory.openSession();
    private final Path reportDir;
    private final boolean isShared;

    /** Opens the launcher session and the temporary report folder. */
    public InProcessLauncher() throws IOException {
        this(false);
    }

    private InProcessLauncher(boolean isShared) throws IOException {
        this.reportDir = Folders.createTemp("dbtestkit-bench-report");
        this.isShared = isShared;
    }

    /**
     * A launcher for one benchmark: a session of its own, or in smoke mode one session for the whole run (so the
     * extension starts its PostgreSQL server once, not once per benchmark: a smoke run times nothing), whose
     * {@link #close()} then does nothing until {@link #closeShared()}.
     */
    public static InProcessLauncher forBenchmark(boolean smoke) throws IOException {
        if (!smoke) {
            return new InProcessLauncher();
        }
        synchronized (InProcessLauncher.class) {
            if (shared == null) {
                shared = new InProcessLauncher(true);
            }
            return shared;
        }
    }

    /** Ends the run-wide session of smoke mode, if one was opened. */
    public static synchronized void closeShared() {
        if (shared != null) {
            InProcessLauncher launcher = shared;
            shared = null;
            launcher.end();
        }
    }

    /**
     * Runs every test of {@code testClass} with these configuration parameters.
     *
     * @throws IllegalStateException naming what failed, when a test or container did not pass
     */
    public TestSpan run(Class<?> testClass, Map<String, String> configuration) {
        return run(List.of(testClass), configuration);
    }

    /**
     * Runs every test of these classes, in one launcher run as a build tool runs a suite, with these configuration
     * parameters.
     *
     * @throws IllegalStateException naming the first class and what failed, when a test or container did not pass
     */
    public TestSpan run(List<Class<?>> testClasses, Map<String, String> configuration) {
        Class<?> testClass = testClasses.get(0);
        LauncherDiscoveryRequest discovery = request()
                .selectors(testClasses.stream().map(c -> selectClass(c)).toList())
                .configurationParameter(InProcessLauncher.REPORT_DIR, reportDir.toString())
                .configurationParameters(configuration)
                .build();
        TestSpan span = new TestSpan();
        FirstBody.clear();
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            session.getLauncher().execute(discovery, span);
        } finally {
            System.setOut(console);
        }
        if (!span.failures().isEmpty()) {
            throw new IllegalStateException(testClass.getSimpleName()
                    + (testClasses.size() > 1 ? " and " + (testClasses.size() - 1) + " more classes" : "") + " " + configuration + " did not pass, so its time"
                    + " means nothing: " + span.failures().size() + " failed or skipped, the first: " + span.failures().get(0));
        }
        return span;
    }

    /**
     * Ends the launcher session (which stops the database servers) and deletes the report folder; nothing for the
     * run-wide launcher of smoke mode, which {@link #closeShared()} ends.
     */
    @Override
    public void close() {
        if (!isShared) {
            end();
        }
    }

    private void end() {
        try {
            session.close();
        } finally {
            Folders.delete(reportDir);
        }
    }
}
