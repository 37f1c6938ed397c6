package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Time to first test in a fresh JVM: a child JVM runs one {@link FirstDatabaseTest} per engine, against the same
 * child running {@link FirstPlainTest} (JVM and JUnit startup, no database) and, for H2, {@link FirstHibernateByHandTest}
 * (what a hand-written Hibernate test pays without dbtestkit), {@link FirstHibernateMetadataOnlyTest} (Hibernate's
 * schema creation without a SessionFactory) and {@link FirstEntityManagerTest} (a first JPA test, timed to its end).
 * With {@value #CUTS}{@code =true} it adds the cuts of issue 12 (the background SessionFactory switched off, Hibernate
 * settings, AppCDS; with {@value #OTHER_JAVA} the same on another JDK), each beside the variant it cuts, in the same
 * run with the same flags otherwise. With {@value #JFR}{@code =<dir>} one more child per variant runs with a flight
 * recording written there ({@code <key>.jfr}), untimed.
 * Variants are interleaved child by child; one untimed child per variant goes first so that one-off work (the OS's
 * file cache, zonky unpacking its binaries, an AppCDS archive being written) is not charged to a timed one. Medians
 * are reported.
 *
 * <pre>{@code
 * new FirstTestBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class FirstTestBenchmark implements Benchmark {

    /** The first issue's target for H2: the first test starts within 1.5 s of launching the JVM. */
    static final double H2_TARGET_MILLIS = 1500;
    /** Issue 12's target: JVM start to the end of the first H2 (JPA) test within 2.0 s. */
    static final double H2_END_TARGET_MILLIS = 2000;
    /** System property: {@code true} adds the cut variants. */
    static final String CUTS = "bench.first.cuts";
    /** System property: the keys of the variants to run, comma-separated (the plain baseline always runs). */
    static final String VARIANTS = "bench.first.variants";
    /** System property: a folder for one flight recording per variant. */
    static final String JFR = "bench.jfr";
    /** System property: another JDK's {@code java} binary (e.g. JDK 25) for the JDK 19+ AppCDS recipe. */
    static final String OTHER_JAVA = "bench.other-java";
    /** The JVM flag that switches dbtestkit's background SessionFactory build off. */
    static final String BACKGROUND_OFF = "-Ddbtestkit.session-factory.background=false";
    /**
     * Hibernate settings measured one by one on {@link FirstEntityManagerTest} under {@value #CUTS}, each a
     * {@code dbtestkit.hibernate.<key>} system property, so through dbtestkit's own configuration path.
     */
    static final List<String> HIBERNATE_CUTS = List.of(
            "hibernate.xml_mapping_enabled=false",
            "hibernate.query.startup_check=false",
            "hibernate.jpa.static_metamodel.population=disabled");

    /**
     * JVM flags a user can put in Surefire's {@code argLine}, measured one by one on {@link FirstEntityManagerTest}
     * under {@value #CUTS}: C1 only (startup code is run too few times to repay C2), a Metaspace high-water mark
     * above what a first JPA test loads (each crossing of the default ~21 MB triggers a "Metadata GC Threshold"
     * collection), and the serial collector (no concurrent GC threads competing for two cores).
     */
    static final List<String> JVM_CUTS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:MetaspaceSize=128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1 -XX:MetaspaceSize=128m -XX:+UseSerialGC");

    private static final String[] MARKS = {"main", "discovered", "test-end"};

    private static String signed(double millis) {
        return (millis >= 0 ? "+" : "") + Table.number(millis, 0);
    }

    @Override
    public String id() {
        return "first-test";
    }

    @Override
    public String description() {
        return "time from launching a fresh JVM to the first @DatabaseTest body, vs a plain JUnit test in the same kind of"
                + " JVM (and, on H2, vs Hibernate bootstrapped by hand), and to the end of a first EntityManager test";
    }

    /** The variants of this run, in order; {@code archives} is where AppCDS archives go. */
    private static List<FirstTestVariant> variants(BenchmarkOptions options, Path archives) {
        List<FirstTestVariant> variants = new ArrayList<>();
        FirstTestVariant plain = FirstTestVariant.standard(FirstTestChild.PLAIN, "plain JUnit (baseline)", FirstTestChild.PLAIN);
        variants.add(plain);
        boolean h2 = options.engines().contains(Engine.H2);
        FirstTestVariant em = FirstTestVariant.standard(FirstTestChild.H2_ENTITY_MANAGER, "dbtestkit h2, EntityManager test",
                FirstTestChild.H2_ENTITY_MANAGER);
        if (h2) {
            variants.add(FirstTestVariant.standard(FirstTestChild.H2_HIBERNATE, "Hibernate SessionFactory by hand, H2",
                    FirstTestChild.H2_HIBERNATE));
            variants.add(FirstTestVariant.standard(FirstTestChild.H2_METADATA, "Hibernate metadata + create only, H2",
                    FirstTestChild.H2_METADATA));
            variants.add(em);
        }
        options.engines().forEach(engine -> variants.add(FirstTestVariant.standard(engine.id(), "dbtestkit " + engine.id(), engine.id())));
        if (!h2 || options.smoke() || !Boolean.getBoolean(CUTS)) {
            return variants;
        }
        FirstTestVariant connection = variants.stream().filter(v -> v.key().equals(Engine.H2.id())).findFirst().orElseThrow();
        variants.add(em.cut("h2-em-nobg", "dbtestkit h2, EntityManager test, background factory off", List.of(BACKGROUND_OFF)));
        FirstTestVariant migrated = FirstTestVariant.standard(FirstTestChild.H2_MIGRATED_ENTITY_MANAGER,
                "dbtestkit h2, EntityManager test, MIGRATIONS + validation", FirstTestChild.H2_MIGRATED_ENTITY_MANAGER);
        variants.add(migrated);
        variants.add(migrated.cut("h2-em-migrations-nobg", "dbtestkit h2, EntityManager test, MIGRATIONS + validation,"
                + " background factory off", List.of(BACKGROUND_OFF)));
        variants.add(connection.cut("h2-nobg", "dbtestkit h2 (Connection only), background factory off", List.of(BACKGROUND_OFF)));
        for (int i = 0; i < HIBERNATE_CUTS.size(); i++) {
            String setting = HIBERNATE_CUTS.get(i);
            variants.add(em.cut("h2-em-hib" + (i + 1), "dbtestkit h2, EntityManager test, " + setting,
                    List.of("-Ddbtestkit.hibernate." + setting)));
        }
        for (int i = 0; i < JVM_CUTS.size(); i++) {
            variants.add(em.cut("h2-em-jvm" + (i + 1), "dbtestkit h2, EntityManager test, " + JVM_CUTS.get(i),
                    List.of(JVM_CUTS.get(i).split(" "))));
        }
        // AppCDS archives classes from jars only, and will not write an archive with a folder on the class path: the
        // AppCDS variants and their baselines run on the same class path with each folder packed into a jar
        String jars;
        try {
            Path folder = Files.createDirectories(archives.resolve("classpath"));
            jars = ChildJvm.jarredClassPath(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FirstTestVariant plainJars = plain.withClassPath(jars, "plain-jars", "plain JUnit, class path in jars");
        FirstTestVariant emJars = em.withClassPath(jars, "h2-em-jars", "dbtestkit h2, EntityManager test, class path in jars");
        variants.add(plainJars);
        variants.add(emJars);
        // JDK 17's recipe: a dynamic archive written at the exit of one run (before the warm-ups), read by the others
        Path archive17 = archives.resolve("dbtestkit-17.jsa");
        variants.add(plainJars.cut("plain-cds", "plain JUnit, jars, AppCDS (JDK 17 recipe)", List.of("-XX:SharedArchiveFile=" + archive17)));
        variants.add(emJars.cut("h2-em-cds", "dbtestkit h2, EntityManager test, jars, AppCDS (JDK 17 recipe)",
                List.of("-XX:SharedArchiveFile=" + archive17)));
        List<String> best = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive17));
        best.addAll(List.of(JVM_CUTS.get(JVM_CUTS.size() - 1).split(" ")));
        variants.add(emJars.cut("h2-em-cds-jvm", "dbtestkit h2, EntityManager test, jars, AppCDS (JDK 17) + "
                + JVM_CUTS.get(JVM_CUTS.size() - 1), best));
        String other = System.getProperty(OTHER_JAVA, "").trim();
        if (!other.isEmpty()) {
            // one archive per variant: a JVM finding a valid archive for its class path uses it as it is, so a shared
            // one would hold only the classes of whichever variant wrote it first
            Function<String, List<String>> auto = name -> List.of("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + archives.resolve(name + ".jsa"));
            FirstTestVariant plainOther = plainJars.on(other, "plain-other", "plain JUnit, jars, " + other);
            FirstTestVariant emOther = emJars.on(other, "h2-em-other", "dbtestkit h2, EntityManager test, jars, " + other);
            variants.add(plainOther);
            variants.add(emOther);
            variants.add(plainOther.cut("plain-other-auto", "plain JUnit, jars, " + other + ", AutoCreateSharedArchive",
                    auto.apply("plain-other-auto")));
            variants.add(emOther.cut("h2-em-other-auto", "dbtestkit h2, EntityManager test, jars, " + other
                    + ", AutoCreateSharedArchive", auto.apply("h2-em-other-auto")));
        }
        return variants;
    }

    /** Writes JDK 17's archive: one child of the EntityManager test with {@code -XX:ArchiveClassesAtExit}. */
    private static void writeArchive(List<FirstTestVariant> variants, Path archives, Report report)
            throws IOException, InterruptedException {
        Path archive = archives.resolve("dbtestkit-17.jsa");
        java.util.Optional<FirstTestVariant> user = variants.stream()
                .filter(v -> v.flags().contains("-XX:SharedArchiveFile=" + archive)).findFirst();
        if (user.isPresent()) {
            report.progress("  AppCDS: writing " + archive.getFileName() + " with -XX:ArchiveClassesAtExit...");
            ChildJvm.firstTest(FirstTestChild.H2_ENTITY_MANAGER, ChildJvm.javaBinary(),
                    List.of("-XX:ArchiveClassesAtExit=" + archive), user.get().classPath());
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("-XX:ArchiveClassesAtExit=" + archive + " wrote no archive");
            }
        }
    }

    private static final class Series {
        final Samples wall = new Samples();
        final Samples uptime = new Samples();
        final Samples cpu = new Samples();
        final Map<String, Samples> marks = new LinkedHashMap<>();
        final Map<String, Samples> markCpu = new LinkedHashMap<>();

        void add(ChildJvm.Timing timing) {
            wall.add(timing.wallMillis());
            uptime.add(timing.uptimeMillis());
            cpu.add(timing.cpuMillis());
            timing.marks().forEach((name, mark) -> {
                marks.computeIfAbsent(name, n -> new Samples()).add(mark.uptimeMillis());
                markCpu.computeIfAbsent(name, n -> new Samples()).add(mark.cpuMillis());
            });
        }

        double mark(String name) {
            return median(marks.get(name));
        }

        double cpuAt(String name) {
            return median(markCpu.get(name));
        }

        private static double median(Samples samples) {
            return samples == null || samples.count() == 0 ? Double.NaN : samples.median();
        }
    }

    private static ChildJvm.Timing child(FirstTestVariant variant) throws IOException, InterruptedException {
        return variant.classPath() == null ? ChildJvm.firstTest(variant.child(), variant.java(), variant.flags())
                : ChildJvm.firstTest(variant.child(), variant.java(), variant.flags(), variant.classPath());
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        Path archives = Folders.createTemp("dbtestkit-bench-cds");
        try {
            run(options, report, archives);
        } finally {
            Folders.delete(archives);
        }
    }

    private void run(BenchmarkOptions options, Report report, Path archives) throws Exception {
        List<FirstTestVariant> variants = new ArrayList<>(variants(options, archives));
        List<String> only = List.of(System.getProperty(VARIANTS, "").split(",")).stream().map(String::trim)
                .filter(key -> !key.isEmpty()).toList();
        if (!only.isEmpty()) {
            variants.removeIf(v -> !v.key().equals(FirstTestChild.PLAIN) && !only.contains(v.key()));
        }
        Map<String, Series> series = new LinkedHashMap<>();
        variants.forEach(variant -> series.put(variant.key(), new Series()));

        if (options.smoke()) {
            // A smoke run checks that every child runs, not how fast: they run side by side, one per core.
            report.progress("  smoke: one child JVM per variant, " + Runtime.getRuntime().availableProcessors() + " at a time...");
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            try {
                Map<String, Future<ChildJvm.Timing>> children = new LinkedHashMap<>();
                variants.forEach(variant -> children.put(variant.key(), pool.submit(() -> child(variant))));
                for (Map.Entry<String, Future<ChildJvm.Timing>> child : children.entrySet()) {
                    series.get(child.getKey()).add(child.getValue().get());
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                pool.shutdownNow();
            }
        } else {
            writeArchive(variants, archives, report);
            report.progress("  warming up: one untimed child JVM per variant...");
            for (FirstTestVariant variant : variants) {
                child(variant);
            }
            for (int i = 0; i < options.jvms(); i++) {
                report.progress("  child JVMs, round " + (i + 1) + " of " + options.jvms() + "...");
                for (FirstTestVariant variant : variants) {
                    series.get(variant.key()).add(child(variant));
                }
            }
        }
        String jfr = System.getProperty(JFR, "").trim();
        if (!jfr.isEmpty()) {
            record(variants, Path.of(jfr), report);
        }
        tables(options, report, variants, series);
    }

    /** One more child per variant under a flight recording (profile settings, class-load events on, deep stacks), untimed. */
    private static void record(List<FirstTestVariant> variants, Path folder, Report report) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        for (FirstTestVariant variant : variants) {
            Path file = folder.toAbsolutePath().resolve(variant.key() + ".jfr");
            List<String> flags = new ArrayList<>(variant.flags());
            // deep stacks: JUnit's own frames alone are dozens deep, and the phases are told apart by frames near the root
            flags.add("-XX:FlightRecorderOptions=stackdepth=512");
            flags.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,+jdk.ClassLoad#enabled=true");
            if (variant.classPath() == null) {
                ChildJvm.firstTest(variant.child(), variant.java(), flags);
            } else {
                ChildJvm.firstTest(variant.child(), variant.java(), flags, variant.classPath());
            }
            report.progress("  flight recording: " + file);
        }
    }

    private static void tables(BenchmarkOptions options, Report report, List<FirstTestVariant> variants, Map<String, Series> series) {
        double baseline = series.get(FirstTestChild.PLAIN).wall.median();
        double baselineCpu = series.get(FirstTestChild.PLAIN).cpu.median();
        Table table = new Table("variant", "launch→first test ms", "min..max ms", "JVM uptime ms", "minus baseline ms",
                "ratio to baseline", "target ms", "met", "JVM CPU ms", "CPU minus baseline ms");
        for (FirstTestVariant variant : variants) {
            Series s = series.get(variant.key());
            boolean isBaseline = variant.key().equals(FirstTestChild.PLAIN);
            boolean hasTarget = variant.key().equals(Engine.H2.id());
            table.row(variant.label(),
                    Table.number(s.wall.median(), 0),
                    Table.number(s.wall.min(), 0) + ".." + Table.number(s.wall.max(), 0),
                    Table.number(s.uptime.median(), 0),
                    isBaseline ? "-" : Table.number(s.wall.median() - baseline, 0),
                    isBaseline ? "1.00x" : Table.ratio(s.wall.median(), baseline),
                    hasTarget ? Table.number(H2_TARGET_MILLIS, 0) : "-",
                    hasTarget ? (s.wall.median() <= H2_TARGET_MILLIS ? "yes" : "NO") : "-",
                    Table.number(s.cpu.median(), 0),
                    isBaseline ? "-" : Table.number(s.cpu.median() - baselineCpu, 0));
        }
        Table timeline = new Table("variant", "main ms", "discovered ms", "first test body ms", "first test end ms",
                "end min..max ms", "end target ms", "met", "JVM CPU at end ms");
        for (FirstTestVariant variant : variants) {
            Series s = series.get(variant.key());
            Samples end = s.marks.getOrDefault("test-end", new Samples());
            boolean hasTarget = variant.key().equals(FirstTestChild.H2_ENTITY_MANAGER);
            timeline.row(variant.label(),
                    Table.number(s.mark("main"), 0),
                    Table.number(s.mark("discovered"), 0),
                    Table.number(s.uptime.median(), 0),
                    Table.number(s.mark("test-end"), 0),
                    end.count() == 0 ? "-" : Table.number(end.min(), 0) + ".." + Table.number(end.max(), 0),
                    hasTarget ? Table.number(H2_END_TARGET_MILLIS, 0) : "-",
                    hasTarget ? (s.mark("test-end") <= H2_END_TARGET_MILLIS ? "yes" : "NO") : "-",
                    Table.number(s.cpuAt("test-end"), 0));
        }
        for (FirstTestVariant variant : variants) {
            Series s = series.get(variant.key());
            report.samples(variant.label() + " · launch→first test", "ms", s.wall);
            report.samples(variant.label() + " · JVM uptime", "ms", s.uptime);
            report.samples(variant.label() + " · JVM CPU", "ms", s.cpu);
            for (String mark : MARKS) {
                if (s.marks.containsKey(mark)) {
                    report.samples(variant.label() + " · mark " + mark, "ms", s.marks.get(mark));
                    report.samples(variant.label() + " · JVM CPU at mark " + mark, "ms", s.markCpu.get(mark));
                }
            }
        }
        report.table("Time to first test in a fresh JVM:", table);
        report.table("The child's own timeline (JVM uptime at each mark, medians):", timeline);
        if (series.containsKey(FirstTestChild.H2_HIBERNATE)) {
            for (String reference : List.of(FirstTestChild.H2_HIBERNATE, FirstTestChild.H2_METADATA)) {
                Series h2 = series.get(Engine.H2.id());
                Series ref = series.get(reference);
                String label = variants.stream().filter(v -> v.key().equals(reference)).findFirst().orElseThrow().label();
                report.note("dbtestkit h2 vs " + label + ": "
                        + signed(h2.wall.median() - ref.wall.median()) + " ms launch→first test ("
                        + Table.ratio(h2.wall.median(), ref.wall.median()) + "), "
                        + signed(h2.cpu.median() - ref.cpu.median()) + " ms JVM CPU ("
                        + Table.ratio(h2.cpu.median(), ref.cpu.median()) + ")");
            }
        }
        for (FirstTestVariant variant : variants) {
            if (variant.baseline() == null || !series.containsKey(variant.baseline())) {
                continue;
            }
            Series cut = series.get(variant.key());
            Series base = series.get(variant.baseline());
            report.note(variant.label() + " vs without: " + signed(cut.mark("test-end") - base.mark("test-end"))
                    + " ms JVM start→first test end (" + Table.ratio(cut.mark("test-end"), base.mark("test-end")) + "), "
                    + signed(cut.cpuAt("test-end") - base.cpuAt("test-end")) + " ms JVM CPU by then ("
                    + Table.ratio(cut.cpuAt("test-end"), base.cpuAt("test-end")) + ")");
        }
        report.note("launch→first test = from ProcessBuilder.start() to the test's first line of output, measured by this"
                + " JVM; JVM uptime = the child's own RuntimeMXBean start time to that line; JVM CPU = CPU time of the"
                + " child JVM's threads by then (all cores; not PostgreSQL's processes); marks = the child's uptime on"
                + " entering main, after discovery and when JUnit reports the test finished; medians of " + options.jvms()
                + " child JVMs per variant.");
    }
}
