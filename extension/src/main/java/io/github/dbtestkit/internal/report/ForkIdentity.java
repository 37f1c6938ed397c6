package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which build a JVM's report belongs to, and which JVM (and listener) wrote it. Surefire's forks of one build are
 * children of the same Maven JVM, so that JVM (its pid and start time) names the build: per-fork reports with the
 * same {@code run} are merged, others are left over from an earlier build. Outside Surefire (IDE, Gradle, console
 * launcher) the JVM itself is the build.
 *
 * <pre>{@code
 * ForkIdentity fork = ForkIdentity.current(); // run "m4821-1718000000000", fork "4907-1"
 * }</pre>
 *
 * @param run  names the build: the same in every fork of one build
 * @param fork names this JVM and listener within it
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ForkIdentity(String run, String fork) {

    private static final AtomicInteger LISTENERS = new AtomicInteger();

    /** Only letters, digits and dashes, so both make file names. */
    public ForkIdentity {
        run = run.replaceAll("[^A-Za-z0-9-]", "-");
        fork = fork.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** This JVM's identity; each call names a new writer within it (two listeners in one JVM keep two files). */
    public static ForkIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle build = underSurefire() ? buildProcess(self).orElse(self) : self;
        return new ForkIdentity(build.pid() + "-" + started(build), self.pid() + "-" + LISTENERS.incrementAndGet());
    }

    private static boolean underSurefire() {
        return System.getProperty("surefire.real.class.path") != null || System.getProperty("surefire.test.class.path") != null;
    }

    /** The nearest ancestor that is a JVM (Surefire may start its forks through a shell). */
    private static Optional<ProcessHandle> buildProcess(ProcessHandle self) {
        Optional<ProcessHandle> parent = self.parent();
        Optional<ProcessHandle> first = parent;
        while (parent.isPresent()) {
            String command = parent.get().info().command().orElse("");
            if (command.endsWith("java") || command.endsWith("java.exe")) {
                return parent;
            }
            parent = parent.get().parent();
        }
        return first;
    }

    private static long started(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }
}
