package io.github.dbtestkit.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The signal a child JVM's first test gives when its body starts: a marker line the parent timestamps on arrival,
 * then the JVM's uptime at that moment (read after the marker, so loading the management classes delays neither) and
 * the CPU time the JVM process has used so far (all its threads; not processes it started, such as PostgreSQL's).
 *
 * <pre>{@code
 * @Test void firstTest() { FirstTestMarker.reached(); }
 * FirstTestMarker.uptimeIn(line).ifPresent(...);
 * FirstTestMarker.mark("test-end");
 * }</pre>
 */
public final class FirstTestMarker {

    /** The line printed when the first test's body starts. */
    public static final String REACHED = "dbtestkit-bench: first test reached";

    private static final String UPTIME = "dbtestkit-bench: jvm uptime ms=";
    private static final String CPU = "dbtestkit-bench: jvm cpu ms=";
    private static final String MARK = "dbtestkit-bench: mark ";
    private static final java.util.regex.Pattern MARK_LINE =
            java.util.regex.Pattern.compile("dbtestkit-bench: mark (\\S+) uptime ms=(\\d+) cpu ms=(-?\\d+)");

    private FirstTestMarker() {
    }

    /** Prints the marker, then the JVM's uptime at the moment it was reached. */
    public static void reached() {
        long now = System.currentTimeMillis();
        System.out.println(REACHED);
        System.out.flush();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        long uptime = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(UPTIME + uptime);
        System.out.println(CPU + cpu);
        System.out.flush();
    }

    /**
     * One mark of the child's timeline.
     *
     * @param name         e.g. {@code main}, {@code discovered}, {@code test-end}
     * @param uptimeMillis the JVM's uptime then
     * @param cpuMillis    the CPU time the JVM process had used by then ({@code -1}: unknown)
     */
    public record Mark(String name, long uptimeMillis, long cpuMillis) {
    }

    /**
     * Prints a named mark with the JVM's uptime and CPU time, e.g. {@code main}, {@code discovered}, {@code test-end}:
     * the child's own timeline, which the parent reports beside the wall-clock time.
     */
    public static void mark(String name) {
        long uptime = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.out.println(MARK + name + " uptime ms=" + uptime + " cpu ms=" + cpu);
        System.out.flush();
    }

    /** The {@link #mark(String)} a line of the child's output reports, if it is one. */
    public static Optional<Mark> markIn(String line) {
        java.util.regex.Matcher mark = MARK_LINE.matcher(line);
        if (!mark.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Mark(mark.group(1), Long.parseLong(mark.group(2)), Long.parseLong(mark.group(3))));
    }

    /** The uptime a line of the child's output reports, if it is the uptime line. */
    public static Optional<Long> uptimeIn(String line) {
        return valueAfter(UPTIME, line);
    }

    /** The process CPU time a line of the child's output reports, if it is that line ({@code -1}: unknown). */
    public static Optional<Long> cpuIn(String line) {
        return valueAfter(CPU, line);
    }

    private static Optional<Long> valueAfter(String prefix, String line) {
        if (!line.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(line.substring(prefix.length()).trim()));
    }
}
