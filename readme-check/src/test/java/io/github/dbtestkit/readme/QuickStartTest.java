package io.github.dbtestkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fast checks of the README's quick start, before {@link QuickStartIT} builds it. */
class QuickStartTest {

    private static final Pattern VERSION_MENTION = Pattern.compile(
            "dbtestkit-(?:bom|core|schema-validation|extension)[:-](\\d+\\.\\d+\\.\\d+(?:-SNAPSHOT)?)");

    static Path readme() {
        return Path.of(System.getProperty("readme.file", "../README.md"));
    }

    static String projectVersion() {
        String version = System.getProperty("project.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("Run through Maven: the system property project.version is not set");
        }
        return version;
    }

    /** Fails, naming both versions, when the README's quick start imports another dbtestkit version than this build's. */
    static void assertReadmeVersion(QuickStart quickStart) {
        String inReadme = quickStart.bomVersion();
        assertEquals(projectVersion(), inReadme, () -> "README.md's quick start imports dbtestkit-bom " + inReadme
                + " but this build is " + projectVersion() + ": update the version in README.md's Quick start"
                + " (pom.xml and Gradle snippets) to " + projectVersion());
    }

    @Test
    void theQuickStartHasAPomAnEntityATestACommandAndItsOutput() {
        QuickStart quickStart = QuickStart.read(readme());

        assertTrue(quickStart.files().containsKey("pom.xml"), () -> "files: " + quickStart.files().keySet());
        assertTrue(quickStart.files().keySet().stream().anyMatch(f -> f.startsWith("src/main/java/")),
                () -> "no entity under src/main/java: " + quickStart.files().keySet());
        assertTrue(quickStart.files().keySet().stream().anyMatch(f -> f.startsWith("src/test/java/")),
                () -> "no test under src/test/java: " + quickStart.files().keySet());
        assertEquals("mvn", quickStart.command().get(0), () -> "the command is not Maven's: " + quickStart.command());
        assertTrue(quickStart.expectedSummary().isPresent(), "the output shows no 'Tests run: N, ...' line");
        for (String file : quickStart.files().keySet()) {
            Path path = Path.of(file);
            assertFalse(path.isAbsolute() || path.normalize().startsWith(".."), () -> "not inside the project: " + file);
        }
    }

    @Test
    void theQuickStartImportsThisBuildsVersion() {
        assertReadmeVersion(QuickStart.read(readme()));
    }

    @Test
    void everyDbtestkitVersionTheReadmeNamesIsThisBuilds() throws Exception {
        List<String> stale = new ArrayList<>();
        List<String> lines = Files.readAllLines(readme());
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = VERSION_MENTION.matcher(lines.get(i));
            while (matcher.find()) {
                if (!matcher.group(1).equals(projectVersion())) {
                    stale.add("README.md:" + (i + 1) + ": " + matcher.group());
                }
            }
        }
        assertTrue(stale.isEmpty(), () -> "README.md names dbtestkit versions other than this build's "
                + projectVersion() + ":\n" + String.join("\n", stale));
    }

    @Test
    void aMarkerWithoutABlockIsReportedWithItsLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuickStart.parse(List.of("<!-- quickstart: pom.xml -->", "", "text"), "README.md"));
        assertEquals("README.md:1: <!-- quickstart: pom.xml --> must be followed by a fenced code block (```),"
                + " but line 3 is not one", e.getMessage());
    }

    @Test
    void blocksAreTakenVerbatimWithoutTheFenceOrItsIndentation() {
        QuickStart quickStart = QuickStart.parse(List.of(
                "<!-- quickstart: a/B.java -->", "```java", "class B {", "    int x;", "}", "```",
                "  <!-- quickstart: command -->", "  ```sh", "  mvn test", "  ```", "```java", "ignored", "```"),
                "README.md");

        assertEquals("class B {\n    int x;\n}\n", quickStart.files().get("a/B.java"));
        assertEquals(List.of("mvn", "test"), quickStart.command());
        assertEquals(List.of("a/B.java"), List.copyOf(quickStart.files().keySet()));
    }
}
