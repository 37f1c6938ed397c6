package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.harness.Folders;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts one fresh JVM on this JVM's class path and java binary running {@link FirstTestChild}, and times it from
 * {@link ProcessBuilder#start()} to the arrival of the first test's marker line. The child works in a temporary
 * folder of its own, deleted afterwards, and is killed if it outlives the timeout.
 *
 * <pre>{@code
 * ChildJvm.Timing timing = ChildJvm.firstTest("h2");
 * double wallMillis = timing.wallMillis();
 * }</pre>
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 180;
    private static final int TAIL_LINES = 30;

    /**
     * One child's times.
     *
     * @param wallMillis   from starting the process to reading its marker line
     * @param uptimeMillis the child JVM's own uptime when its first test started
     * @param cpuMillis    CPU time the child JVM had used by then, all threads ({@code -1} where the OS does not say)
     * @param marks        the child's own marks ({@link FirstTestMarker#mark(String)}) by name, the first of each name
     */
    record Timing(double wallMillis, long uptimeMillis, long cpuMillis, Map<String, FirstTestMarker.Mark> marks) {
        Timing {
            marks = Map.copyOf(marks);
        }
    }

    private ChildJvm() {
    }

    /** Runs the child for {@code variant} ({@code plain} or an engine id) on this JVM's java, and returns its times. */
    static Timing firstTest(String variant) throws IOException, InterruptedException {
        return firstTest(variant, javaBinary(), List.of());
    }

    /**
     * This JVM's class path with every folder packed into a jar of its own under {@code folder}, in the same order:
     * AppCDS archives only classes from jars, and refuses to write an archive at all while a non-empty folder is on
     * the class path ({@code Cannot have non-empty directory in paths}).
     */
    static String jarredClassPath(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : absoluteClassPath().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!java.nio.file.Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = folder.resolve((n++) + "-" + path.getParent().getFileName() + ".jar");
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
                 java.util.stream.Stream<Path> files = java.nio.file.Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new java.util.jar.JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
                    java.nio.file.Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs the child for {@code variant} with {@code java} (a path to a {@code java} binary) and {@code flags} before
     * the standard ones (e.g. {@code -XX:SharedArchiveFile=...}), and returns its times.
     */
    static Timing firstTest(String variant, String java, List<String> flags) throws IOException, InterruptedException {
        return firstTest(variant, java, flags, absoluteClassPath());
    }

    /** As {@link #firstTest(String, String, List)}, on {@code classPath} instead of this JVM's. */
    static Timing firstTest(String variant, String java, List<String> flags, String classPath)
            throws IOException, InterruptedException {
        Path workDir = Folders.createTemp("dbtestkit-bench-child");
        try {
            return run(variant, java, flags, classPath,
                    List.of(FirstTestChild.class.getName(), variant, workDir.resolve("report").toString()), workDir);
        } finally {
            Folders.delete(workDir);
        }
    }

    /**
     * Runs {@code main} with {@code args} in a fresh JVM of this JVM's java and class path, working in a temporary
     * folder of its own, and returns its times; {@code main} must run a test that calls {@link FirstTestMarker#reached()}.
     *
     * @param variant how messages name the child
     */
    static Timing firstTest(Class<?> main, String variant, List<String> args) throws IOException, InterruptedException {
        Path workDir = Folders.createTemp("dbtestkit-bench-child");
        try {
            List<String> mainAndArgs = new ArrayList<>(List.of(main.getName()));
            mainAndArgs.addAll(args);
            return run(variant, javaBinary(), List.of(), absoluteClassPath(), mainAndArgs, workDir);
        } finally {
            Folders.delete(workDir);
        }
    }

    private static Timing run(String variant, String java, List<String> flags, String classPath, List<String> mainAndArgs,
                              Path workDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.addAll(List.of("-Duser.language=en", "-Duser.country=US", "-Dorg.jboss.logging.provider=slf4j",
                "-cp", classPath));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);

        long start = System.nanoTime();
        Process process = builder.start();
        long reached = -1;
        long uptime = -1;
        long cpu = -1;
        Map<String, FirstTestMarker.Mark> marks = new HashMap<>();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (reached < 0 && line.equals(FirstTestMarker.REACHED)) {
                    reached = System.nanoTime();
                }
                uptime = FirstTestMarker.uptimeIn(line).orElse(uptime);
                cpu = FirstTestMarker.cpuIn(line).orElse(cpu);
                FirstTestMarker.markIn(line).ifPresent(mark -> marks.putIfAbsent(mark.name(), mark));
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        int exit = process.exitValue();
        if (exit != 0 || reached < 0 || uptime < 0) {
            throw new IllegalStateException("The child JVM for '" + variant + "' " + flags + " exited with " + exit
                    + (reached < 0 ? " before its first test started" : "") + "; its last output:\n  "
                    + String.join("\n  ", tail));
        }
        return new Timing((reached - start) / 1_000_000.0, uptime, cpu, marks);
    }

    /** This JVM's class path with every entry made absolute, since the child runs in another folder. */
    static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** This JVM's {@code java} binary. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
