package io.github.dbtestkit.benchmarks.blog;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The blog workload of issue 12 as a suite a user would run: {@value #CLASSES} generated classes of {@value #TESTS}
 * tests on {@link Post} and {@link Comment} (create_all), each test persisting a post with two comments and checking
 * with JPQL, run in a fresh child JVM per engine, once with {@code @DatabaseTest}, once as Hibernate by hand (one
 * SessionFactory per JVM, an EntityManager per test, begin and roll back) and, on H2, once as Spring Boot
 * {@code @DataJpaTest} classes on Spring Boot's class path ({@value #SPRING_CLASSPATH}, written by the
 * {@code benchmarks-spring} module). Children of all variants are interleaved; one untimed child per variant goes
 * first. Smoke mode runs {@value #SMOKE_CLASSES} classes of {@value #SMOKE_TESTS} tests, one child per variant, side
 * by side.
 *
 * <pre>{@code
 * new BlogWorkloadBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class BlogWorkloadBenchmark implements Benchmark {

    /** Classes of the workload. */
    static final int CLASSES = 20;
    /** Tests per class. */
    static final int TESTS = 25;
    /** Classes in smoke mode (two, so that "after the first class" is measured). */
    static final int SMOKE_CLASSES = 2;
    /** Tests per class in smoke mode. */
    static final int SMOKE_TESTS = 3;
    /**
     * The system property naming the file that holds the Spring Boot baseline's class path (one line, entries joined
     * with the platform's separator), as {@code benchmarks-spring} writes it; the {@code bench} profile sets it.
     */
    public static final String SPRING_CLASSPATH = "bench.spring.classpath";
    /** Issue 12's targets for the in-JVM time (JVM start → last test end) on H2. */
    static final double TARGET_VS_DATA_JPA_TEST = 0.5;
    static final double TARGET_VS_BY_HAND = 1.3;

    private static final long TIMEOUT_SECONDS = 600;

    /** One child's times: wall from the parent's process start to its exit, the rest from the child. */
    record Timing(double wallMillis, BlogChild.Result result) {
    }

    /** A child to run: the variant on an engine, on a class path, with JUnit workers (0: JUnit's default, none). */
    record Child(String variant, String engine, int classes, int tests, String classPath, int workers) {
    }

    /** The class paths of the children: the harness's own plus the generated classes, and Spring Boot's, if built. */
    record ClassPaths(String harness, Optional<String> spring) {

        String of(String variant) {
            return variant.equals(BlogSources.DATA_JPA_TEST) ? spring.orElseThrow() : harness;
        }
    }

    @Override
    public String id() {
        return "blog-workload";
    }

    @Override
    public String description() {
        return "the blog workload (" + CLASSES + " classes x " + TESTS + " tests: a Post with 2 Comments persisted,"
                + " flushed and counted with JPQL) in a fresh JVM per engine, @DatabaseTest vs Hibernate by hand vs"
                + " (on H2) Spring Boot @DataJpaTest";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        int classes = options.smoke() ? SMOKE_CLASSES : CLASSES;
        int tests = options.smoke() ? SMOKE_TESTS : TESTS;
        Optional<String> springBase = springClassPath();
        if (springBase.isEmpty() && options.engines().contains(Engine.H2)) {
            report.note("not measured: Spring Boot @DataJpaTest, because " + SPRING_CLASSPATH + " names no class path"
                    + " file (" + System.getProperty(SPRING_CLASSPATH, "unset") + "): run with -Pbench, which builds"
                    + " benchmarks-spring and sets it.");
        }
        report.progress("  compiling " + 2 * classes + " generated classes of " + tests + " tests"
                + (springBase.isPresent() ? " and " + classes + " @DataJpaTest classes" : "") + "...");
        try (GeneratedClasses generated = GeneratedClasses.compile(BlogSources.sources(classes, tests));
             GeneratedClasses spring = springBase.isPresent()
                     ? GeneratedClasses.compile(BlogSources.springSources(classes, tests), springBase.get()) : null) {
            ClassPaths paths = new ClassPaths(harnessClassPath(generated.classDirectory()),
                    springBase.map(base -> base + File.pathSeparator + spring.classDirectory().toAbsolutePath()));
            List<String> keys = new ArrayList<>();
            for (Engine engine : options.engines()) {
                variants(engine, paths).forEach(variant -> keys.add(engine.id() + " " + variant));
            }
            Map<String, Series> series = new LinkedHashMap<>();
            keys.forEach(key -> series.put(key, new Series()));
            if (options.smoke()) {
                runSideBySide(report, keys, key -> child(key, classes, tests, paths, 0), series);
            } else {
                report.progress("  warming up: one untimed child JVM per engine and variant...");
                for (String key : keys) {
                    child(key, classes, tests, paths, 0);
                }
                for (int i = 0; i < options.jvms(); i++) {
                    report.progress("  child JVMs, round " + (i + 1) + " of " + options.jvms() + "...");
                    for (String key : keys) {
                        series.get(key).add(child(key, classes, tests, paths, 0));
                    }
                }
            }
            report(options, report, classes, tests, paths, series);
        }
    }

    private static void report(BenchmarkOptions options, Report report, int classes, int tests, ClassPaths paths,
                               Map<String, Series> series) {
        Table absolute = new Table("engine", "variant", "wall s", "JVM start→first test body s", "JVM start→last test end s",
                "mean per test after 1st class ms", "wall min..max s", "JVM CPU at last test end s");
        Table ratios = new Table("engine", "versus", "wall", "JVM start→first test body", "JVM start→last test end",
                "mean per test after 1st class", "JVM CPU");
        Table targets = new Table("engine", "in-JVM time (JVM start→last test end)", "ratio", "target", "met",
                "JVM CPU ratio");
        for (Engine engine : options.engines()) {
            List<String> variants = variants(engine, paths);
            for (String variant : variants) {
                Series s = series.get(engine.id() + " " + variant);
                absolute.row(engine.id(), label(variant), seconds(s.wall.median()), seconds(s.first.median()),
                        seconds(s.last.median()), Table.number(s.perTest.median() / 1000, 2),
                        seconds(s.wall.min()) + ".." + seconds(s.wall.max()), cpuSeconds(s.cpu));
            }
            Series ours = series.get(engine.id() + " " + BlogSources.DBTESTKIT);
            for (String variant : variants.subList(1, variants.size())) {
                Series theirs = series.get(engine.id() + " " + variant);
                ratios.row(engine.id(), label(variant), Table.ratio(ours.wall.median(), theirs.wall.median()),
                        Table.ratio(ours.first.median(), theirs.first.median()),
                        Table.ratio(ours.last.median(), theirs.last.median()),
                        Table.ratio(ours.perTest.median(), theirs.perTest.median()),
                        ours.cpu.count() > 0 && theirs.cpu.count() > 0
                                ? Table.ratio(ours.cpu.median(), theirs.cpu.median()) : "n/a");
                if (engine == Engine.H2) {
                    double target = variant.equals(BlogSources.BY_HAND) ? TARGET_VS_BY_HAND : TARGET_VS_DATA_JPA_TEST;
                    double ratio = ours.last.median() / theirs.last.median();
                    targets.row(engine.id(), "dbtestkit / " + label(variant), Table.number(ratio, 2) + "x",
                            "≤ " + Table.number(target, 2) + "x", ratio <= target ? "yes" : "NO",
                            ours.cpu.count() > 0 && theirs.cpu.count() > 0
                                    ? Table.ratio(ours.cpu.median(), theirs.cpu.median()) : "n/a");
                }
            }
        }
        series.forEach((key, s) -> {
            String[] parts = key.split(" ");
            String name = parts[0] + " · " + label(parts[1]);
            report.samples(name + " · wall", "ms", s.wall);
            report.samples(name + " · JVM start→first test body", "ms", s.first);
            report.samples(name + " · JVM start→last test end", "ms", s.last);
            report.samples(name + " · mean per test after 1st class", "µs/test", s.perTest);
            report.samples(name + " · JVM CPU at last test end", "ms", s.cpu);
        });
        report.table("The blog workload, " + classes + " classes x " + tests + " tests, medians of "
                + (options.smoke() ? 1 : options.jvms()) + " child JVMs per engine and variant:", absolute);
        report.table("dbtestkit / the other variant (below 1.00x: dbtestkit is faster), same run:", ratios);
        if (!targets.rows().isEmpty()) {
            report.table("Issue 12's targets on H2, in-JVM time:", targets);
        }
        report.note("wall = from ProcessBuilder.start() to the child's exit, measured by this JVM (JVM shutdown,"
                + " stopping PostgreSQL included); JVM start→… = the child's own RuntimeMXBean start time to the first"
                + " test body's start (once the database, schema and factory, or Spring's context, are ready, for every"
                + " variant) and to the last test's end; mean per test after 1st class = (last test end − end of"
                + " the first class) / tests after it, so later classes' own setup is in it; JVM CPU = CPU time of all"
                + " the child's threads (JIT compilation and GC included, the PostgreSQL server's processes not) at the"
                + " last test's end: much less disturbed by other processes on the machine than the wall-clock columns.");
        paths.spring().ifPresent(spring -> report.note("@DataJpaTest runs on Spring Boot "
                + jarVersion(spring, "spring-boot") + "'s class path (its JPA starter and JPA test starter, logback as"
                + " the starter brings it; Hibernate and H2 at dbtestkit's versions, JUnit Jupiter "
                + jarVersion(spring, "junit-jupiter-api") + " as Spring 7 needs), one Spring context for all its"
                + " classes, cached by Spring's test support as by default."));
    }

    /** The variants measured on this engine: @DataJpaTest only on H2 (its embedded default), and only when built. */
    static List<String> variants(Engine engine, ClassPaths paths) {
        return engine == Engine.H2 && paths.spring().isPresent()
                ? List.of(BlogSources.DBTESTKIT, BlogSources.BY_HAND, BlogSources.DATA_JPA_TEST)
                : List.of(BlogSources.DBTESTKIT, BlogSources.BY_HAND);
    }

    /** Runs one child per key, as many at a time as there are cores: smoke mode, where no number is kept as a measure. */
    static void runSideBySide(Report report, List<String> keys, ChildRun run, Map<String, Series> series)
            throws Exception {
        report.progress("  smoke: one child JVM per engine and variant, "
                + Runtime.getRuntime().availableProcessors() + " at a time...");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<String, Future<Timing>> children = new LinkedHashMap<>();
            for (String key : keys) {
                children.put(key, pool.submit(() -> run.child(key)));
            }
            for (Map.Entry<String, Future<Timing>> child : children.entrySet()) {
                series.get(child.getKey()).add(child.getValue().get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the child of a key. */
    @FunctionalInterface
    interface ChildRun {
        Timing child(String key) throws Exception;
    }

    /** The times of one engine and variant over the child JVMs. */
    static final class Series {
        final Samples wall = new Samples();
        final Samples first = new Samples();
        final Samples last = new Samples();
        final Samples perTest = new Samples();
        final Samples testPhase = new Samples();
        final Samples cpu = new Samples();

        void add(Timing timing) {
            wall.add(timing.wallMillis());
            first.add(timing.result().firstTestMillis());
            last.add(timing.result().lastTestEndMillis());
            perTest.add(timing.result().afterFirstClassMicros());
            testPhase.add(timing.result().testPhaseMillis());
            if (timing.result().cpuMillis() >= 0) {
                cpu.add(timing.result().cpuMillis());
            }
        }
    }

    static String label(String variant) {
        return switch (variant) {
            case BlogSources.DBTESTKIT -> "dbtestkit @DatabaseTest";
            case BlogSources.BY_HAND -> "Hibernate by hand";
            default -> "Spring Boot @DataJpaTest";
        };
    }

    private static String cpuSeconds(Samples cpu) {
        return cpu.count() == 0 ? "n/a" : seconds(cpu.median());
    }

    static String seconds(double millis) {
        return Table.number(millis / 1000, 2);
    }

    static Timing child(String key, int classes, int tests, ClassPaths paths, int workers)
            throws IOException, InterruptedException {
        String[] parts = key.split(" ");
        return child(new Child(parts[1], parts[0], classes, tests, paths.of(parts[1]), workers));
    }

    /**
     * The Spring Boot baseline's class path: this module's own classes (the entities, {@link BlogWork},
     * {@link BlogChild}) and the libraries listed in the file {@value #SPRING_CLASSPATH} names; empty when the
     * property is unset or the file does not exist (the module was not built).
     */
    static Optional<String> springClassPath() throws IOException {
        String file = System.getProperty(SPRING_CLASSPATH, "").trim();
        if (file.isEmpty() || !Files.isRegularFile(Path.of(file))) {
            return Optional.empty();
        }
        String libraries = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        return Optional.of(ownClasses() + File.pathSeparator + libraries);
    }

    /** The version in the name of the {@code <artifact>-<version>.jar} entry of a class path. */
    static String jarVersion(String classPath, String artifact) {
        Pattern jar = Pattern.compile(Pattern.quote(artifact) + "-(\\d[^-]*)\\.jar");
        return Arrays.stream(classPath.split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .map(jar::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElse("(version unknown)");
    }

    private static String ownClasses() {
        try {
            return Path.of(BlogChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The location of the benchmarks' classes is not a path: " + e.getMessage(), e);
        }
    }

    /** This JVM's class path with every entry made absolute, plus the generated classes. */
    static String harnessClassPath(Path classDir) {
        return Stream.concat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.isEmpty()), Stream.of(classDir.toString()))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Runs one child JVM in a temporary folder of its own, deleted afterwards. */
    static Timing child(Child child) throws IOException, InterruptedException {
        Path workDir = Folders.createTemp("dbtestkit-bench-blog");
        try {
            List<String> command = new ArrayList<>(List.of(javaBinary(),
                    "-Duser.language=en", "-Duser.country=US", "-Dorg.jboss.logging.provider=slf4j"));
            // The provider settings of PostgreSQL reach the child as they reached this JVM.
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("dbtestkit."))
                    .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
            command.addAll(List.of("-cp", child.classPath(), BlogChild.class.getName(), child.variant(), child.engine(),
                    Integer.toString(child.classes()), Integer.toString(child.tests()), workDir.resolve("report").toString()));
            if (child.workers() > 0) {
                command.add(Integer.toString(child.workers()));
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            long start = System.nanoTime();
            Process process = builder.start();
            BlogChild.Result result = null;
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    result = BlogChild.Result.parse(line).orElse(result);
                    tail.addLast(line);
                    if (tail.size() > 30) {
                        tail.removeFirst();
                    }
                }
            } finally {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            long end = System.nanoTime();
            int exit = process.exitValue();
            if (exit != 0 || result == null) {
                throw new IllegalStateException("The blog child JVM for " + child.variant() + " on " + child.engine()
                        + (child.workers() > 0 ? " with " + child.workers() + " workers" : "") + " exited with "
                        + exit + "; its last output:\n  " + String.join("\n  ", tail));
            }
            return new Timing((end - start) / 1e6, result);
        } finally {
            Folders.delete(workDir);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
