package io.github.dbtestkit.internal.report;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs user-like classes through a Launcher with one {@link RunReportListener}, as a build does; returns the console. */
final class ReportRun {

    private ReportRun() {
    }

    static String run(Path dir, Map<String, String> configuration, Class<?>... classes) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        Map<String, String> parameters = new HashMap<>(configuration);
        parameters.put("dbtestkit.report.dir", dir.toString());
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(Arrays.stream(classes).map(c -> (DiscoverySelector) selectClass(c)).toList())
                    .configurationParameters(parameters)
                    .build(), new RunReportListener());
        } finally {
            System.setOut(original);
        }
        return console.toString(StandardCharsets.UTF_8);
    }
}
