package io.github.dbtestkit.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The signal a child JVM's first test gives when its body starts: a marker line the parent timestamps on arrival,
 * then the JVM's uptime at that moment (read after the marker, so loading the management classes delays neither).
 *
 * <pre>{@code
 * @Test void firstTest() { FirstTestMarker.reached(); }
 * FirstTestMarker.uptimeIn(line).ifPresent(...);
 * }</pre>
 */
public final class FirstTestMarker {

    /** The line printed when the first test's body starts. */
    public static final String REACHED = "dbtestkit-bench: first test reached";

    private static final String UPTIME = "dbtestkit-bench: jvm uptime ms=";

    private FirstTestMarker() {
    }

    /** Prints the marker, then the JVM's uptime at the moment it was reached. */
    public static void reached() {
        long now = System.currentTimeMillis();
        System.out.println(REACHED);
        System.out.flush();
        long uptime = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(UPTIME + uptime);
        System.out.flush();
    }

    /** The uptime a line of the child's output reports, if it is the uptime line. */
    public static Optional<Long> uptimeIn(String line) {
        if (!line.startsWith(UPTIME)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(line.substring(UPTIME.length()).trim()));
    }
}
