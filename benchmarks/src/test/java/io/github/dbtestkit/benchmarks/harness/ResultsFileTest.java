package io.github.dbtestkit.benchmarks.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsFileTest {

    @Test
    void writesTheRunTheTablesAndTheMediansAndRangesOfEverySeriesToMarkdownAndJson(@TempDir Path folder) throws Exception {
        Report report = new Report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Samples plain = new Samples();
        plain.add(150);
        plain.add(120);
        plain.add(180);
        report.samples("h2 · plain JUnit · wall", "µs/test", plain);
        report.table("Per-test cost:", new Table("engine", "µs/test").row("h2", Table.number(plain.median(), 1)));
        report.note("µs/test = the span of the tests / tests.");
        ResultsFile.Run run = new ResultsFile.Run(Instant.parse("2026-12-03T07:00:00Z"), Instant.parse("2026-12-03T07:05:00Z"),
                "mvn -B -pl benchmarks -am -Pbench verify -DskipTests", "bench.engines=h2", List.of("A short run."),
                3.5, 2.25, Map.of("cores", "2"), Map.of("H2", "2.5.252"));
        Path markdown = folder.resolve("RESULTS.md");

        ResultsFile.write(markdown, run, List.of(
                new ResultsFile.Entry("rollback-overhead", "per-test cost", report, null),
                new ResultsFile.Entry("first-test", "time to first test", new Report(System.out), "java.io.IOException: no java")));

        assertThat(Files.readString(markdown)).contains(
                "- A short run.",
                "- **date:** 2026-12-03T07:00:00Z (took 5.0 min)",
                "- **command:** `mvn -B -pl benchmarks -am -Pbench verify -DskipTests`",
                "- **load average (1 min):** 3.50 at the start, 2.25 at the end",
                "- **cores:** 2",
                "| H2        | 2.5.252 |",
                "## rollback-overhead",
                "Per-test cost:\n\n| engine | µs/test |",
                "| h2     |   150.0 |",
                "µs/test = the span of the tests / tests.",
                "| h2 · plain JUnit · wall | µs/test | 3 |  150.0 | 120.0–180.0 |",
                "## first-test",
                "**Not measured:** java.io.IOException: no java");
        assertThat(Files.readString(folder.resolve("RESULTS.json"))).contains(
                "\"command\": \"mvn -B -pl benchmarks -am -Pbench verify -DskipTests\"",
                "\"header\": [\"engine\", \"µs/test\"]",
                "\"name\": \"h2 · plain JUnit · wall\"",
                "\"median\": 150",
                "\"values\": [\n",
                "\"measured\": false",
                "\"failure\": \"java.io.IOException: no java\"");
    }

    @Test
    void numbersKeepAboutFourSignificantDigits() {
        assertThat(ResultsFile.number(1234.56)).isEqualTo("1235");
        assertThat(ResultsFile.number(123.456)).isEqualTo("123.5");
        assertThat(ResultsFile.number(12.3456)).isEqualTo("12.35");
        assertThat(ResultsFile.number(-1.23456)).isEqualTo("-1.235");
    }
}
