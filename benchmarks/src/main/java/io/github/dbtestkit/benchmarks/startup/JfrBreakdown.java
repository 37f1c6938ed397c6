package io.github.dbtestkit.benchmarks.startup;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a first-test child's test thread spent its time, from a flight recording written with {@code bench.jfr}: each
 * execution sample and each class load of the {@code main} thread (and of dbtestkit's background
 * {@code SessionFactory} thread, which does work the test would otherwise do itself) is charged to the first phase (in the order below)
 * whose frame is on its stack, and each phase is shown with its sample count, the time those samples stand for, the
 * classes it loaded and when (JVM uptime) it first and last ran.
 *
 * <pre>{@code
 * java -cp <benchmarks classpath> io.github.dbtestkit.benchmarks.startup.JfrBreakdown /tmp/jfr/h2-em.jfr
 * }</pre>
 */
public final class JfrBreakdown {

    /** A phase: its name and how to recognise one of its frames ({@code class.method}). */
    private record Phase(String name, Predicate<String> frame) {
    }

    private static final List<Phase> PHASES = List.of(
            new Phase("SessionFactory build", f -> f.endsWith(".buildSessionFactory")),
            new Phase("create_all (Hibernate schema tooling)", f -> f.startsWith("org.hibernate.tool.schema.")),
            new Phase("Hibernate metadata (registry, mappings)", f -> f.equals("io.github.dbtestkit.core.internal.hibernate.HibernateBoot.of")),
            new Phase("engine start, database creation", f -> f.startsWith("io.github.dbtestkit.core.internal.engine.")
                    || f.startsWith("io.github.dbtestkit.core.DatabaseProvisioner")),
            new Phase("first statements (test body)", f -> f.equals("io.github.dbtestkit.benchmarks.startup.FirstEntityManagerTest.firstTest")
                    || f.equals("io.github.dbtestkit.benchmarks.startup.FirstDatabaseTest.firstTest")),
            new Phase("test transaction, EntityManager, parameters", f -> f.startsWith("io.github.dbtestkit.internal.lifecycle.TestScope")
                    || f.startsWith("io.github.dbtestkit.internal.inject.")),
            new Phase("other dbtestkit (configuration, entities, report)", f -> f.startsWith("io.github.dbtestkit.")
                    && !f.startsWith("io.github.dbtestkit.benchmarks.")),
            new Phase("JUnit discovery", f -> f.startsWith("org.junit.platform.launcher.core.EngineDiscoveryOrchestrator")),
            new Phase("JUnit launcher creation", f -> f.equals("org.junit.platform.launcher.core.LauncherFactory.create")),
            new Phase("JUnit execution (other)", f -> f.startsWith("org.junit.")));

    private static final String OTHER = "before main, or outside the phases above";

    private JfrBreakdown() {
    }

    /** @param args one or more {@code .jfr} files */
    public static void main(String[] args) throws IOException {
        for (String file : args) {
            System.out.println("== " + file);
            print(Path.of(file));
        }
    }

    private static final class Tally {
        int samples;
        int classes;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void at(long uptime) {
            first = Math.min(first, uptime);
            last = Math.max(last, uptime);
        }
    }

    private static void print(Path file) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Instant jvmStart = events.stream().filter(e -> e.getEventType().getName().equals("jdk.JVMInformation"))
                .map(e -> e.getInstant("jvmStartTime")).findFirst().orElseThrow(() ->
                        new IllegalStateException(file + " has no jdk.JVMInformation event: not a JVM's recording?"));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        PHASES.forEach(phase -> tallies.put(phase.name(), new Tally()));
        tallies.put(OTHER, new Tally());
        int allClasses = 0;
        int mainClasses = 0;
        long lastMain = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            boolean sample = type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample");
            boolean load = type.equals("jdk.ClassLoad");
            if (load) {
                allClasses++;
            }
            if (!sample && !load) {
                continue;
            }
            RecordedThread thread = event.getThread(sample ? "sampledThread" : "eventThread");
            if (thread == null || !measured(thread.getJavaName())) {
                continue;
            }
            long uptime = java.time.Duration.between(jvmStart, event.getStartTime()).toMillis();
            Tally tally = tallies.get(phaseOf(event.getStackTrace()));
            tally.at(uptime);
            lastMain = Math.max(lastMain, uptime);
            if (sample) {
                tally.samples++;
            } else {
                tally.classes++;
                mainClasses++;
            }
        }
        System.out.printf("%-52s %8s %10s %8s %18s%n", "phase (main + factory thread)", "samples", "~ms", "classes", "uptime ms first..last");
        tallies.forEach((name, t) -> System.out.printf("%-52s %8d %10d %8d %18s%n", name, t.samples, t.samples * 10L,
                t.classes, t.samples + t.classes == 0 ? "-" : t.first + ".." + t.last));
        System.out.println("classes loaded: " + allClasses + " in all, " + mainClasses + " by the main thread;"
                + " last main-thread event at uptime " + lastMain + " ms. ~ms = samples x 10 ms (profile settings' Java"
                + " sampling period; native samples come every 20 ms, so this is a floor).");
    }

    /** The test thread, and dbtestkit's background SessionFactory build, which does the test thread's work ahead. */
    private static boolean measured(String threadName) {
        return "main".equals(threadName) || (threadName != null && threadName.startsWith("dbtestkit-session-factory"));
    }

    private static String phaseOf(RecordedStackTrace stack) {
        if (stack == null) {
            return OTHER;
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (Phase phase : PHASES) {
            for (RecordedFrame frame : frames) {
                if (frame.isJavaFrame() && phase.frame().test(frame.getMethod().getType().getName() + "." + frame.getMethod().getName())) {
                    return phase.name();
                }
            }
        }
        return OTHER;
    }
}
