package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PostgreSQL's {@code initdb} and {@code postgres} refuse to run as root. As root, dbtestkit runs them under
 * {@code unshare -U}: in a new user namespace the process is an unprivileged user, yet the files root created (the
 * temporary directory) still count as its own, so PostgreSQL accepts them.
 *
 * @param isRoot  whether this JVM runs as uid 0
 * @param unshare where {@code unshare} is, if anywhere
 */
record RootCheck(boolean isRoot, Optional<Path> unshare) {

    /** This JVM: its uid, and {@code unshare} looked up on the PATH and in /usr/bin, /bin. */
    static RootCheck current() {
        return new RootCheck(runningAsRoot(), findOnPath("unshare", System.getenv("PATH")));
    }

    /** What to put before a PostgreSQL binary: nothing, or {@code unshare -U} as root. */
    List<String> commandPrefix(String description) {
        if (!isRoot) {
            return List.of();
        }
        return unshare.map(path -> List.of(path.toString(), "-U")).orElseThrow(() -> new ProvisioningException(
                description + " cannot run as root, and unshare (util-linux), which dbtestkit uses to run it as an "
                        + "unprivileged user, is not on the PATH: install util-linux, run the tests as a non-root user, or set "
                        + "dbtestkit.postgresql.provider=testcontainers|external."));
    }

    static Optional<Path> findOnPath(String name, String path) {
        StringBuilder dirs = new StringBuilder(path == null ? "" : path);
        dirs.append(File.pathSeparator).append("/usr/bin").append(File.pathSeparator).append("/bin");
        for (String dir : dirs.toString().split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean runningAsRoot() {
        Supplier<Boolean> byName = () -> "root".equals(System.getProperty("user.name"));
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            // Not a Unix JVM (Windows), or the jdk.security.auth module is absent from a trimmed runtime.
            return byName.get();
        }
    }
}
