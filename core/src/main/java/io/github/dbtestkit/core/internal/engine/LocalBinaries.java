package io.github.dbtestkit.core.internal.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * PostgreSQL binaries installed on the machine: {@code initdb}, {@code pg_ctl} and {@code postgres} side by side,
 * looked up on the PATH first, then in the usual install folders. {@code dbtestkit.postgresql.version} picks a major
 * (or exact) version among them.
 */
final class LocalBinaries {

    /** Install folders searched after the PATH; a {@code *} stands for any version. */
    static final List<String> USUAL_FOLDERS = List.of(
            "/usr/lib/postgresql/*/bin",
            "/usr/local/pgsql/bin",
            "/usr/pgsql-*/bin",
            "/opt/homebrew/opt/postgresql*/bin",
            "/usr/local/opt/postgresql*/bin",
            "/opt/local/lib/postgresql*/bin",
            "/Applications/Postgres.app/Contents/Versions/*/bin");

    private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres");

    private final String path;
    private final List<String> folders;
    private final Function<Path, Optional<String>> versionOf;

    LocalBinaries(String path, List<String> folders, Function<Path, Optional<String>> versionOf) {
        this.path = path == null ? "" : path;
        this.folders = folders;
        this.versionOf = versionOf;
    }

    static LocalBinaries current() {
        return new LocalBinaries(System.getenv("PATH"), USUAL_FOLDERS, PostgresVersion::of);
    }

    /** Every folder holding all three tools, real paths, PATH order first, then newest version first. */
    List<Path> candidates() {
        Set<Path> found = new LinkedHashSet<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                binDir(Path.of(dir)).ifPresent(found::add);
            }
        }
        List<Path> installed = new ArrayList<>();
        for (String pattern : folders) {
            for (Path dir : expand(pattern)) {
                binDir(dir).ifPresent(installed::add);
            }
        }
        installed.sort(Comparator.comparing((Path p) -> versionKey(p.toString())).reversed());
        found.addAll(installed);
        return List.copyOf(found);
    }

    /** The first folder whose version satisfies {@code pin}, or the first folder at all. */
    Optional<Path> find(Optional<String> pin) {
        for (Path dir : candidates()) {
            if (pin.isEmpty() || versionOf.apply(dir).map(v -> PostgresVersion.matches(v, pin.get())).orElse(false)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** Where {@link #find} looks, for messages. */
    String searched() {
        return "the PATH, " + String.join(", ", folders);
    }

    private static Optional<Path> binDir(Path dir) {
        Path initdb = dir.resolve("initdb");
        if (!Files.isExecutable(initdb)) {
            return Optional.empty();
        }
        try {
            // /usr/local/bin/initdb may be a link into /usr/lib/postgresql/15/bin, where postgres lives too.
            Path real = initdb.toRealPath().getParent();
            return TOOLS.stream().allMatch(tool -> Files.isExecutable(real.resolve(tool))) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> expand(String pattern) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return List.of(Path.of(pattern));
        }
        int slash = pattern.lastIndexOf('/', star);
        Path parent = Path.of(pattern.substring(0, slash));
        int next = pattern.indexOf('/', star);
        String glob = pattern.substring(slash + 1, next < 0 ? pattern.length() : next);
        String rest = next < 0 ? "" : pattern.substring(next + 1);
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return result;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, glob)) {
            for (Path child : children) {
                result.add(rest.isEmpty() ? child : child.resolve(rest));
            }
        } catch (IOException e) {
            return result;
        }
        return result;
    }

    /** Orders folders by the version number in their path, so /usr/lib/postgresql/17 comes before .../9.6. */
    private static String versionKey(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:\\.(\\d+))?").matcher(path);
        return m.find() ? String.format("%05d.%05d", Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))) : "";
    }
}
