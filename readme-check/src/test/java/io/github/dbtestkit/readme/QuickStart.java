package io.github.dbtestkit.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's quick start: every fenced block that follows a {@code <!-- quickstart: NAME -->} comment, by name.
 * A name with a {@code /} or a dot is a file of the user's project ({@code pom.xml},
 * {@code src/test/java/com/example/PostTest.java}); {@code command} is what the user types; {@code output} is what
 * the README says they see, where a line {@code ...} stands for any number of lines.
 */
record QuickStart(Map<String, String> blocks) {

    static final String COMMAND = "command";
    static final String OUTPUT = "output";

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*quickstart:\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([\\w+-]*)\\s*$");
    private static final Pattern BOM_VERSION = Pattern.compile(
            "<artifactId>dbtestkit-bom</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern TESTS_RUN = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");

    static QuickStart read(Path readme) {
        try {
            return parse(Files.readAllLines(readme), readme.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + readme, e);
        }
    }

    /** Parses the marked blocks; a marker must be followed, after blank lines only, by a fenced block. */
    static QuickStart parse(List<String> lines, String source) {
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            String name = marker.group(1);
            int line = i + 1;
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank()) {
                j++;
            }
            Matcher open = j < lines.size() ? FENCE.matcher(lines.get(j)) : null;
            if (open == null || !open.matches()) {
                throw new IllegalStateException(source + ":" + line + ": <!-- quickstart: " + name
                        + " --> must be followed by a fenced code block (```), but line " + (j + 1) + " is not one");
            }
            String indent = open.group(1);
            String fence = open.group(2);
            StringBuilder body = new StringBuilder();
            int k = j + 1;
            for (; k < lines.size(); k++) {
                String text = lines.get(k);
                if (text.strip().equals(fence)) {
                    break;
                }
                body.append(text.startsWith(indent) ? text.substring(indent.length()) : text).append('\n');
            }
            if (k == lines.size()) {
                throw new IllegalStateException(source + ":" + (j + 1) + ": the block of quickstart " + name
                        + " is never closed");
            }
            if (blocks.put(name, body.toString()) != null) {
                throw new IllegalStateException(source + ":" + line + ": quickstart " + name + " is marked twice");
            }
            i = k;
        }
        return new QuickStart(Map.copyOf(blocks));
    }

    /** The project's files: every block whose name is a path. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        blocks.forEach((name, body) -> {
            if (!name.equals(COMMAND) && !name.equals(OUTPUT)) {
                files.put(name, body);
            }
        });
        return files;
    }

    String block(String name) {
        String body = blocks.get(name);
        if (body == null) {
            throw new IllegalStateException("README.md has no <!-- quickstart: " + name + " --> block; it has "
                    + blocks.keySet());
        }
        return body;
    }

    /** The version of dbtestkit-bom the quick start's pom imports. */
    String bomVersion() {
        Matcher matcher = BOM_VERSION.matcher(block("pom.xml"));
        if (!matcher.find()) {
            throw new IllegalStateException("The quick start's pom.xml imports no io.github.dbtestkit:dbtestkit-bom version");
        }
        return matcher.group(1).strip();
    }

    /** The command's words, e.g. {@code [mvn, test]}. */
    List<String> command() {
        List<String> words = new ArrayList<>();
        for (String line : block(COMMAND).strip().split("\n")) {
            for (String word : line.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** The lines the README says the user sees, without {@code ...} lines, trailing blanks stripped. */
    List<String> expectedOutput() {
        List<String> expected = new ArrayList<>();
        for (String line : block(OUTPUT).split("\n")) {
            if (!line.isBlank() && !line.strip().equals("...")) {
                expected.add(line.stripTrailing());
            }
        }
        return expected;
    }

    /** Surefire's summary the README shows: tests, failures, errors, skipped. */
    Optional<int[]> expectedSummary() {
        Matcher matcher = TESTS_RUN.matcher(block(OUTPUT));
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))});
    }
}
