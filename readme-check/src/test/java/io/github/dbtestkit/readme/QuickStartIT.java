package io.github.dbtestkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Does what a user does with the README's quick start: writes its files into an empty folder and runs its command
 * there, with the Maven that runs this build, against this build's artifacts in a private local repository (installed
 * by the invoker plugin); every other artifact and plugin comes from the real local repository through a file://
 * mirror, so nothing is downloaded and nothing is installed into it.
 */
class QuickStartIT {

    @Test
    void theQuickStartBuildsAndItsTestsPassFromAnEmptyFolder() throws Exception {
        QuickStart quickStart = QuickStart.read(QuickStartTest.readme());
        QuickStartTest.assertReadmeVersion(quickStart);

        Path workdir = Path.of(property("readme.workdir"));
        Path project = workdir.resolve("project");
        deleteRecursively(workdir);
        Files.createDirectories(project);
        for (Map.Entry<String, String> file : quickStart.files().entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }

        Path repository = Path.of(property("readme.repository"));
        assertTrue(Files.isRegularFile(repository.resolve("io/github/dbtestkit/dbtestkit-extension/"
                        + QuickStartTest.projectVersion() + "/dbtestkit-extension-" + QuickStartTest.projectVersion() + ".jar")),
                () -> "the invoker plugin installed no dbtestkit-extension into " + repository);
        Path settings = workdir.resolve("settings.xml");
        Files.writeString(settings, settings(Path.of(property("readme.mirror"))));

        List<String> command = new ArrayList<>();
        command.add(maven().toString());
        command.addAll(quickStart.command().subList(1, quickStart.command().size()));
        command.addAll(List.of("-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        Path log = workdir.resolve("mvn.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the user's own environment, minus dbtestkit's settings of this build's (a CI job's DBTESTKIT_ENGINES),
        // with the JDK that runs this build
        builder.environment().keySet().removeIf(name -> name.startsWith("DBTESTKIT_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));

        long timeout = Long.parseLong(property("readme.timeout.seconds"));
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("The quick start's build did not finish in " + timeout + " s: " + command + "\n" + tail(log));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("readme-check: %s in %s took %.1f s%n", String.join(" ", command), project,
                took.toMillis() / 1000.0);

        assertEquals(0, process.exitValue(), () -> "The quick start's build failed (exit " + process.exitValue() + "): "
                + command + " in " + project + "\n" + tail(log));

        int[] expected = quickStart.expectedSummary().orElseThrow();
        int[] actual = surefireTotals(project.resolve("target/surefire-reports"));
        assertTrue(actual[0] > 0, "Surefire ran no test in the quick start's project");
        assertEquals(List.of(expected[0], expected[1], expected[2], expected[3]),
                List.of(actual[0], actual[1], actual[2], actual[3]),
                "Surefire's reports (tests, failures, errors, skipped) against the README's 'Tests run' line");
        assertOutputShows(quickStart.expectedOutput(), Files.readAllLines(log, StandardCharsets.UTF_8), log);
    }

    /**
     * Each line the README shows appears in the build's output, in that order; runs of spaces count as one, and
     * {@code ...} within a line stands for any text (a path).
     */
    private static void assertOutputShows(List<String> expected, List<String> output, Path log) {
        int at = 0;
        for (String line : expected) {
            Pattern wanted = Pattern.compile(Arrays.stream(squeeze(line).split("\\.\\.\\.", -1))
                    .map(Pattern::quote).collect(Collectors.joining(".*")));
            while (at < output.size() && !wanted.matcher(squeeze(output.get(at))).matches()) {
                at++;
            }
            if (at == output.size()) {
                fail("The README's quick start shows the line\n  " + line + "\nbut the build's output (" + log
                        + ") has no such line after the ones before it:\n" + tail(log));
            }
            at++;
        }
    }

    private static String squeeze(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /**
     * Tests, failures, errors and skipped, counted over the {@code <testcase>} elements of Surefire's XML reports (their
     * {@code <testsuite tests=...>} attribute says 0 for a class that runs once per engine, a JUnit class template).
     */
    private static int[] surefireTotals(Path reports) throws Exception {
        int[] totals = new int[4];
        if (!Files.isDirectory(reports)) {
            return totals;
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testcase = (Element) cases.item(i);
                    totals[0]++;
                    if (testcase.getElementsByTagName("failure").getLength() > 0) {
                        totals[1]++;
                    } else if (testcase.getElementsByTagName("error").getLength() > 0) {
                        totals[2]++;
                    } else if (testcase.getElementsByTagName("skipped").getLength() > 0) {
                        totals[3]++;
                    }
                }
            }
        }
        return totals;
    }

    private static String settings(Path realLocalRepository) {
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <!-- everything but this build's artifacts (in the private local repository) comes from the real
                       local repository: no network, nothing installed there -->
                  <mirrors>
                    <mirror>
                      <id>real-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(realLocalRepository.toUri());
    }

    private static Path maven() {
        Path home = Path.of(property("maven.home"));
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        Path mvn = home.resolve(windows ? "bin/mvn.cmd" : "bin/mvn");
        assertTrue(Files.isExecutable(mvn), () -> "No Maven at " + mvn + " (maven.home " + home + ")");
        return mvn;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Run through Maven (failsafe): the system property " + name + " is not set");
        }
        return value;
    }

    /** The build's last 80 lines, for a failure's message. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
