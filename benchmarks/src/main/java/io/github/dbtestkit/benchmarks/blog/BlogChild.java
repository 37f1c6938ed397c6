package io.github.dbtestkit.benchmarks.blog;

import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The main class of a child JVM started by {@link BlogWorkloadBenchmark}: runs one variant's generated blog classes
 * (on the class path the parent gives it) through the JUnit Platform Launcher, as a build tool runs a suite, then
 * prints one line of times measured from the JVM's start and exits 0 when every test passed. With a worker count, it
 * runs the classes concurrently through JUnit's parallel execution ({@link #parallelism(int)}); without one, on the
 * launching thread as by default. The {@code data-jpa-test} variant runs on Spring Boot's class path, without dbtestkit
 * on it: this class then touches none of dbtestkit's types.
 *
 * <pre>{@code
 * java -cp <classpath>:<generated classes> io.github.dbtestkit.benchmarks.blog.BlogChild dbtestkit h2 20 25 /tmp/report
 * java -cp <classpath>:<generated classes> io.github.dbtestkit.benchmarks.blog.BlogChild dbtestkit h2 20 25 /tmp/report 2
 * }</pre>
 */
public final class BlogChild {

    /** The prefix of the result line. */
    static final String RESULT = "dbtestkit-bench: blog ";

    private BlogChild() {
    }

    /**
     * The child's times, all from the JVM's start time.
     *
     * @param tests                 tests that ran
     * @param firstTestMillis       JVM start to the first test body's start
     * @param lastTestEndMillis     JVM start to the last test's end
     * @param afterFirstClassMicros (last test end − end of the first class to finish) / tests after it, µs
     * @param cpuMillis             CPU time of the whole JVM, all threads (JIT and GC included), at the last test's
     *                              end; -1 where the OS does not say
     */
    record Result(int tests, double firstTestMillis, double lastTestEndMillis, double afterFirstClassMicros,
                  double cpuMillis) {

        /** Milliseconds from the first test body's start to the last test's end: the test phase. */
        double testPhaseMillis() {
            return lastTestEndMillis - firstTestMillis;
        }

        String line() {
            return RESULT + String.format(Locale.ROOT, "tests=%d first=%.3f last=%.3f after=%.3f cpu=%.3f", tests,
                    firstTestMillis, lastTestEndMillis, afterFirstClassMicros, cpuMillis);
        }

        static Optional<Result> parse(String line) {
            if (!line.startsWith(RESULT)) {
                return Optional.empty();
            }
            String[] fields = line.substring(RESULT.length()).trim().split(" ");
            return Optional.of(new Result(Integer.parseInt(value(fields[0])), Double.parseDouble(value(fields[1])),
                    Double.parseDouble(value(fields[2])), Double.parseDouble(value(fields[3])),
                    Double.parseDouble(value(fields[4]))));
        }

        private static String value(String field) {
            return field.substring(field.indexOf('=') + 1);
        }
    }

    /**
     * Times the run: the first test body's start ({@link BlogWork#firstBodyNanos()}: for both variants after the
     * database, the schema and the factory are ready, wherever each builds them), the last test's end, and the end of the first class (its outermost
     * container), so that the mean per test after the first class is (last end − first class end) / tests after it.
     * Synchronized: with parallel execution, JUnit calls listeners from its worker threads.
     */
    static final class Timer implements TestExecutionListener {
        private final long baseNanos = System.nanoTime();
        private final double baseUptimeMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        private long lastEnd = -1;
        private double lastEndCpuMillis = -1;
        private long firstClassEnd = -1;
        private int testsInFirstClass;
        private int tests;
        final List<String> failures = new ArrayList<>();
        private final int expectedTests;

        Timer(int expectedTests) {
            this.expectedTests = expectedTests;
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
                lastEnd = System.nanoTime();
                tests++;
                if (tests == expectedTests) {
                    // Read once, at the last test's end: reading it per test would cost a system call each.
                    lastEndCpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6)
                            .orElse(-1.0);
                }
            } else if (firstClassEnd < 0 && tests > 0 && identifier.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                firstClassEnd = System.nanoTime();
                testsInFirstClass = tests;
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(identifier.getDisplayName() + ": "
                        + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()));
            }
        }

        private double uptime(long nanos) {
            return baseUptimeMillis + (nanos - baseNanos) / 1e6;
        }

        synchronized Result result() {
            int after = tests - testsInFirstClass;
            return new Result(tests, uptime(BlogWork.firstBodyNanos()), uptime(lastEnd),
                    after > 0 ? (lastEnd - firstClassEnd) / 1e3 / after : Double.NaN, lastEndCpuMillis);
        }
    }

    /**
     * JUnit configuration parameters that run test classes concurrently on {@code workers} threads (fixed
     * parallelism) and the tests of a class one after the other, as a team turns on parallel execution of classes.
     */
    static Map<String, String> parallelism(int workers) {
        return Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(workers));
    }

    /**
     * @param args variant, engine, classes, tests per class, the folder for dbtestkit's run report, and optionally the
     *             number of JUnit worker threads
     */
    public static void main(String[] args) {
        if (args.length != 5 && args.length != 6) {
            System.err.println("Usage: BlogChild dbtestkit|by-hand|data-jpa-test h2|sqlite|postgresql <classes> <tests>"
                    + " <report-dir> [<workers>]");
            System.exit(2);
        }
        String variant = args[0];
        String engine = args[1];
        int classes = Integer.parseInt(args[2]);
        int testsPerClass = Integer.parseInt(args[3]);
        System.setProperty(HibernateByHandBlogTest.ENGINE, engine);
        List<ClassSelector> selectors = BlogSources.classNames(variant, classes).stream()
                .map(name -> selectClass(name)).toList();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(InProcessLauncher.REPORT_DIR, args[4])
                .configurationParameter(InProcessLauncher.ENGINES, engine);
        if (args.length == 6) {
            request.configurationParameters(parallelism(Integer.parseInt(args[5])));
        }
        Timer timer = new Timer(classes * testsPerClass);
        try {
            LauncherFactory.create().execute(request.build(), timer);
        } finally {
            if (variant.equals(BlogSources.BY_HAND)) {
                HibernateByHandBlogTest.closeAll();
            }
        }
        if (!timer.failures.isEmpty() || timer.tests != classes * testsPerClass) {
            timer.failures.stream().limit(10).forEach(System.err::println);
            System.err.println("Expected " + classes * testsPerClass + " passing tests, got " + timer.tests + " run and "
                    + timer.failures.size() + " failed.");
            System.exit(1);
        }
        System.out.println(timer.result().line());
        System.out.flush();
        System.exit(0);
    }
}
