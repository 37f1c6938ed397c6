package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.github.dbtestkit.core.internal.engine.PostgresTesting.portAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A JVM that exits without closing its provisioner (a killed run, a plain main) still stops its servers. */
class ShutdownHookTest {

    /** Run in a child JVM: starts PostgreSQL through a provisioner, prints where it runs, and exits without closing. */
    public static void main(String[] args) throws Exception {
        PostgresSettings settings = PostgresSettings.from(key -> Optional.ofNullable(Map.of("dbtestkit.postgresql.provider", args[0]).get(key)));
        PostgresServer server = (PostgresServer) new DatabaseProvisioner(settings).server(EngineKind.POSTGRESQL);
        server.createDatabase("left_open");
        PostgresTesting.ClusterFacts cluster = PostgresTesting.facts(server);
        System.out.println("CLUSTER " + cluster.pid() + " " + cluster.port() + " " + cluster.directory());
    }

    @Test
    void theShutdownHookStopsServersOfAProvisionerThatWasNeverClosed(@TempDir Path out) throws Exception {
        assumeTrue(LocalBinaries.current().find(Optional.empty()).isPresent(), "no PostgreSQL installed on this machine");
        Path log = out.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownHookTest.class.getName(), "local")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String[] cluster = lines.stream().filter(l -> l.startsWith("CLUSTER ")).findFirst()
                .orElseThrow(() -> new AssertionError("the child printed no cluster:\n" + String.join("\n", lines)))
                .split(" ");
        assertThat(child.exitValue()).isZero();
        assertThat(ProcessHandle.of(Long.parseLong(cluster[1])).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(portAnswers(Integer.parseInt(cluster[2]))).isFalse();
        assertThat(Files.exists(Path.of(cluster[3]))).isFalse();
    }
}
