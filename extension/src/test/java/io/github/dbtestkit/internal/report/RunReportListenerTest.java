package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The run report groups results by engine and writes them for people (console, HTML, Markdown) and tools (JSON). */
class RunReportListenerTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    static class Mixed {
        @Test
        void passes() {
        }

        @Test
        void failsWith_pipe_and_angle_brackets() {
            fail("broken | <on purpose> & more");
        }

        @Test
        @EnabledOnEngine(Engine.H2)
        void onlyOnH2() {
        }
    }

    @Test
    void writesTheMatrixInEveryFormat(@TempDir Path dir) throws Exception {
        Launcher launcher = LauncherFactory.create();
        RunReportListener listener = new RunReportListener();
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Mixed.class))
                    .configurationParameter("dbtestkit.report.dir", dir.toString())
                    .build(), listener);
        } finally {
            System.setOut(original);
        }

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("engines").toString()).isEqualTo("[\"h2\",\"sqlite\"]");
        assertThat(json.get("summary").get("h2").toString()).isEqualTo("{\"passed\":2,\"failed\":1,\"skipped\":0}");
        assertThat(json.get("summary").get("sqlite").toString()).isEqualTo("{\"passed\":1,\"failed\":1,\"skipped\":1}");
        JsonNode failing = null;
        for (JsonNode test : json.get("classes").get(0).get("tests")) {
            if (test.get("name").asText().startsWith("failsWith")) {
                failing = test;
            }
        }
        assertThat(failing).isNotNull();
        assertThat(failing.get("results").get("sqlite").get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failing.get("results").get("sqlite").get("detail").asText()).isEqualTo("broken | <on purpose> & more");

        String html = Files.readString(dir.resolve("report.html"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("&lt;on purpose&gt; &amp; more");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("| h2 | 2 | 1 | 0 |").contains("broken \\| <on purpose>");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("dbtestkit: results per engine")
                .contains("onlyOnH2()")
                .contains("failures:")
                .contains("[sqlite]: broken | <on purpose> & more");
    }
}
