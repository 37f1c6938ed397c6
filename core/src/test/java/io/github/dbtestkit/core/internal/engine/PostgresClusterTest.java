package io.github.dbtestkit.core.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's failure paths, on fake binaries: no PostgreSQL is started here. */
class PostgresClusterTest {

    @Test
    void aFailingInitdbShowsItsOutputAndLeavesNothing(@TempDir Path bin, @TempDir Path workRoot) throws Exception {
        script(bin, "initdb", "echo \"initdb: error: the disk is full\"; exit 1");

        assertThatThrownBy(() -> PostgresCluster.start(bin, "PostgreSQL (local) 15.4", new PostgresCluster.Options(Map.of(), workRoot),
                new RootCheck(false, Optional.empty())))
                .hasMessage("PostgreSQL (local) 15.4 did not start: initdb exited with 1. Last lines of its log:\n"
                        + "initdb: error: the disk is full");
        try (var left = Files.list(workRoot)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMissingBinaryIsNamedAndLeavesNothing(@TempDir Path bin, @TempDir Path workRoot) throws Exception {
        assertThatThrownBy(() -> PostgresCluster.start(bin, "PostgreSQL (local)", new PostgresCluster.Options(Map.of(), workRoot),
                new RootCheck(false, Optional.empty())))
                .hasMessageStartingWith("PostgreSQL (local) did not start: cannot run " + bin.resolve("initdb"));
        try (var left = Files.list(workRoot)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFullDiskDuringInitdbSaysWhichFolderToFree(@TempDir Path bin, @TempDir Path workRoot) throws Exception {
        script(bin, "initdb", "echo \"initdb: error: could not write to file: No space left on device\"; exit 1");

        assertThatThrownBy(() -> PostgresCluster.start(bin, "PostgreSQL (local) 15.4", new PostgresCluster.Options(Map.of(), workRoot),
                new RootCheck(false, Optional.empty())))
                .hasMessage("PostgreSQL (local) 15.4 did not start: initdb exited with 1. Last lines of its log:\n"
                        + "initdb: error: could not write to file: No space left on device\n"
                        + "The disk holding " + workRoot + " is full: free some space there, or point java.io.tmpdir at another folder.");
    }

    @Test
    void aWorkFolderThatCannotBeCreatedIsNamedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        Path workRoot = file.resolve("clusters");

        assertThatThrownBy(() -> PostgresCluster.start(dir, "PostgreSQL (local) 15.4", new PostgresCluster.Options(Map.of(), workRoot),
                new RootCheck(false, Optional.empty())))
                .hasMessage("Cannot create a temporary directory for PostgreSQL (local) 15.4 in " + workRoot + ": " + workRoot
                        + ": Not a directory. Make that folder writable and free some space in it (a cluster needs about"
                        + " 40 MB), or point java.io.tmpdir at another folder (-Djava.io.tmpdir=<folder> in the test JVM's argLine).");
    }

    @Test
    void theLogTailIsTheLastTwentyLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.write(log, java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).toList());

        assertThat(ClusterFiles.tail(log)).hasValueSatisfying(tail -> assertThat(tail.lines())
                .hasSize(20).startsWith("line 11").endsWith("line 30"));
    }

    private static void script(Path bin, String name, String body) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
