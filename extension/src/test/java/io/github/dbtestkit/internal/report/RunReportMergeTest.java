package io.github.dbtestkit.internal.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports of several JVMs (Surefire forks) merge into one, and no fork overwrites another's results. */
class RunReportMergeTest {

    private static Cell cell(Outcome outcome) {
        return new Cell(outcome, outcome == Outcome.FAILED ? "boom" : "", 5L, List.of());
    }

    private static RunReport fork(String testClass, String engine, Outcome outcome) {
        RunResults results = new RunResults();
        results.record(testClass, "test()", engine, cell(outcome));
        results.facts(engine, Map.of("dbtestkit.provider", "in-memory", "dbtestkit.server-version", "1.0",
                "dbtestkit.jdbc-url", "jdbc:" + engine + ":mem:" + testClass, "dbtestkit.schema-mode", "NONE"));
        return results.report();
    }

    @Test
    void classesOfDifferentForksAreCombinedByNameAndEnginesInTheirCanonicalOrder() {
        RunReport merged = RunReport.merge(List.of(fork("com.b.Second", "postgresql", Outcome.PASSED),
                fork("com.a.First", "h2", Outcome.FAILED), fork("com.a.First", "sqlite", Outcome.PASSED)));

        assertThat(merged.engineIds()).containsExactly("h2", "sqlite", "postgresql");
        assertThat(merged.classes()).extracting(ClassRow::name).containsExactly("com.a.First", "com.b.Second");
        assertThat(merged.classes().get(0).tests()).singleElement()
                .satisfies(t -> assertThat(t.cells()).containsOnlyKeys("h2", "sqlite"))
                .satisfies(t -> assertThat(t.differs()).isTrue());
        assertThat(merged.differences()).extracting(RunReport.Difference::testClass).containsExactly("com.a.First");
        assertThat(merged.engines().get(0).schemas()).extracting(SchemaSetup::jdbcUrl).containsExactly("jdbc:h2:mem:com.a.First");
    }

    @Test
    void aCrossEngineCellIsNotReplacedByTheSkipOfItsOwnEngineRun() {
        Cell compared = new Cell(Outcome.PASSED, "", null, List.of("select 1 → 1 row"));
        Cell skipped = new Cell(Outcome.SKIPPED, "CrossEngine test: it runs once, in the [h2] run", null, List.of());
        RunResults results = new RunResults();
        results.record("C", "t(CrossEngine)", "sqlite", compared);
        results.record("C", "t(CrossEngine)", "sqlite", skipped);

        assertThat(results.report().classes().get(0).tests().get(0).cells().get("sqlite")).isEqualTo(compared);
        assertThat(RunReport.merge(List.of(results.report(), fork("C", "sqlite", Outcome.SKIPPED))).classes().get(0)
                .tests().get(0).cells().get("sqlite")).isEqualTo(compared);
    }

    @Test
    void skipsDoNotMakeADifferenceButPassingHereAndFailingThereDoes() {
        assertThat(new TestRow("t", Map.of("h2", cell(Outcome.PASSED), "sqlite", cell(Outcome.SKIPPED))).differs()).isFalse();
        assertThat(new TestRow("t", Map.of("h2", cell(Outcome.FAILED), "sqlite", cell(Outcome.FAILED))).differs()).isFalse();
        assertThat(new TestRow("t", Map.of("h2", cell(Outcome.FAILED), "sqlite", cell(Outcome.PASSED))).differs()).isTrue();
        assertThat(new ClassRow("C", List.of(new TestRow("t", Map.of("h2", cell(Outcome.FAILED))))).folded()).isFalse();
        assertThat(new ClassRow("C", List.of(new TestRow("t", Map.of("h2", cell(Outcome.SKIPPED))))).folded()).isTrue();
    }

    @Test
    void theJsonReadsBackAsTheSameReport() {
        RunReport report = RunReport.merge(List.of(fork("com.a.First", "h2", Outcome.FAILED), fork("com.a.First", "sqlite", Outcome.PASSED)));

        assertThat(JsonReport.read(JsonReport.write(report))).isEqualTo(report);
    }

    @Test
    void eachForkWritesItsOwnFileAndTheMergedReportHoldsEveryForksResults(@TempDir Path dir) throws Exception {
        ReportFiles.write(fork("com.a.First", "h2", Outcome.PASSED), dir, new ForkIdentity("build-1", "101-1"));
        RunReport merged = ReportFiles.write(fork("com.b.Second", "h2", Outcome.FAILED), dir, new ForkIdentity("build-1", "102-1"));

        assertThat(merged.classes()).extracting(ClassRow::name).containsExactly("com.a.First", "com.b.Second");
        assertThat(JsonReport.read(Files.readString(dir.resolve(ReportFiles.JSON)))).isEqualTo(merged);
        assertThat(Files.readString(dir.resolve(ReportFiles.MARKDOWN))).contains("com.a.First", "com.b.Second");
        try (var files = Files.list(dir.resolve(ReportFiles.FORKS))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("report-build-1-101-1.json", "report-build-1-102-1.json");
        }
    }

    @Test
    void perForkFilesOfAnEarlierBuildAreDeletedNotMerged(@TempDir Path dir) throws Exception {
        ReportFiles.write(fork("com.old.Gone", "h2", Outcome.FAILED), dir, new ForkIdentity("build-1", "101-1"));
        RunReport merged = ReportFiles.write(fork("com.a.First", "h2", Outcome.PASSED), dir, new ForkIdentity("build-2", "201-1"));

        assertThat(merged.classes()).extracting(ClassRow::name).containsExactly("com.a.First");
        assertThat(dir.resolve(ReportFiles.FORKS).resolve("report-build-1-101-1.json")).doesNotExist();
    }

    @Test
    void forksFinishingAtOnceNeverLoseEachOthersResults(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<RunReport>> forks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String testClass = "com.a.Class" + i;
                ForkIdentity fork = new ForkIdentity("build-1", "10" + i + "-1");
                forks.add(() -> ReportFiles.write(fork(testClass, "h2", Outcome.PASSED), dir, fork));
            }
            for (Future<RunReport> done : pool.invokeAll(forks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(JsonReport.read(Files.readString(dir.resolve(ReportFiles.JSON))).classes()).hasSize(8);
    }

    @Test
    void forksOfOneSurefireBuildShareTheirRunAndDifferInTheirFork() {
        ForkIdentity first = ForkIdentity.current();
        ForkIdentity second = ForkIdentity.current();

        assertThat(first.run()).isEqualTo(second.run()).matches("[0-9]+-[0-9]+");
        assertThat(first.fork()).isNotEqualTo(second.fork()).startsWith(ProcessHandle.current().pid() + "-");
    }
}
