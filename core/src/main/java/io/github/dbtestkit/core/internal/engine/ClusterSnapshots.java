package io.github.dbtestkit.core.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A copy of an initialised PostgreSQL cluster kept across runs, one per binaries (their folder and version), so that a
 * run copies a data folder instead of running {@code initdb}, and finds in it the migrated templates earlier runs left
 * (see {@link TemplateCache}). Layout under the cache folder:
 *
 * <pre>
 * clusters/3f9a12c0d1e2f3a4/
 *   lock          file lock: shared while a run copies data/, exclusive while data/ is replaced or deleted
 *   data/         a cleanly stopped data folder
 *   last-used     its modification time orders snapshots for eviction (least recently used first)
 *   used/&lt;db&gt;     touched when a run copies that template, so eviction sees use that no saved snapshot recorded
 *   incoming-*    a new data/ being written; renamed into place under the exclusive lock
 * </pre>
 *
 * Two JVMs may restore and save at once: restoring only reads {@code data/}, saving writes a new folder and swaps it
 * in, so nobody ever starts from a half-written copy. When two runs both add templates, the last to save wins and the
 * other's templates are built again by a later run. Nothing here throws: a cache that cannot be read or written (a
 * read-only or full disk, a file where a folder should be) is logged once and the run initialises its cluster as if
 * there were no cache.
 */
final class ClusterSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSnapshots.class);
    /** Changes whenever initdb's arguments or the layout change, so that old snapshots are not used. */
    private static final String FORMAT = "initdb -U postgres -A trust -E UTF-8 --no-locale; include dbtestkit.conf; v1";
    private static final String DATA = "data";
    private static final String INCOMING = "incoming-";
    private static final String RETIRED = "retired-";
    /** Files of a running server that a stopped one does not have; never copied. */
    private static final List<String> RUNTIME_FILES = List.of("postmaster.pid", "postmaster.opts");
    /** One monitor per snapshot folder: a JVM may hold only one file lock on a file, whatever its threads. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final java.util.Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path home;
    private final long maxBytes;

    ClusterSnapshots(Path root, Path home, long maxBytes) {
        this.root = root;
        this.home = home;
        this.maxBytes = maxBytes;
    }

    /**
     * The snapshots of the cluster that {@code binDir}'s binaries of {@code version} initialise, under {@code root}.
     *
     * @param maxBytes how much all snapshots under {@code root} may hold together
     */
    static ClusterSnapshots of(Path root, Path binDir, String version, long maxBytes) {
        Path bin;
        try {
            bin = binDir.toRealPath();
        } catch (IOException e) {
            bin = binDir.toAbsolutePath().normalize();
        }
        return new ClusterSnapshots(root, root.resolve(digest(bin + "\n" + version + "\n" + FORMAT)), maxBytes);
    }

    /** The user's cache folder for clusters: {@code $XDG_CACHE_HOME/dbtestkit/clusters} or {@code ~/.cache/dbtestkit/clusters}. */
    static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("dbtestkit").resolve("clusters");
    }

    /** This snapshot's folder. */
    Path home() {
        return home;
    }

    /** Whether a snapshot is there to restore. */
    boolean exists() {
        return Files.isDirectory(home.resolve(DATA));
    }

    /**
     * Copies the snapshot to {@code dataDir}, which must not exist yet.
     *
     * @return whether it was copied; when not (no snapshot, or it cannot be read), {@code dataDir} does not exist
     */
    boolean restoreInto(Path dataDir) {
        if (!exists()) {
            return false;
        }
        synchronized (monitor()) {
            try (Lock lock = Lock.shared(home)) {
                Path data = home.resolve(DATA);
                if (!Files.isDirectory(data)) {
                    return false;
                }
                copyTree(data, dataDir);
                touch(home.resolve("last-used"));
                LOG.debug("Copied the PostgreSQL cluster snapshot {} to {}", data, dataDir);
                return true;
            } catch (IOException | RuntimeException e) {
                warnOnce("restore", "Cannot use the PostgreSQL cluster cache in " + home + " (" + describe(e)
                        + "): initialising a new cluster instead. Make that folder readable, or set "
                        + io.github.dbtestkit.core.PostgresSettings.TEMPLATE_CACHE_DIR + " to another folder.");
                ClusterFiles.deleteRecursively(dataDir);
                return false;
            }
        }
    }

    /**
     * Replaces the snapshot with a copy of {@code dataDir}, a cleanly stopped cluster's data folder, then deletes the
     * least recently used snapshots of other binaries while all of them hold more than the size bound. Never throws.
     */
    void save(Path dataDir) {
        Path incoming = null;
        try {
            Files.createDirectories(home);
            incoming = home.resolve(INCOMING + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
            copyTree(dataDir, incoming);
            synchronized (monitor()) {
                try (Lock lock = Lock.exclusive(home)) {
                    Path data = home.resolve(DATA);
                    if (Files.exists(data)) {
                        Path retired = home.resolve(RETIRED + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
                        Files.move(data, retired, StandardCopyOption.ATOMIC_MOVE);
                        Files.move(incoming, data, StandardCopyOption.ATOMIC_MOVE);
                        ClusterFiles.deleteRecursively(retired);
                    } else {
                        Files.move(incoming, data, StandardCopyOption.ATOMIC_MOVE);
                    }
                    incoming = null;
                    touch(home.resolve("last-used"));
                    removeAbandoned();
                }
            }
            LOG.debug("Saved the PostgreSQL cluster snapshot {}", home.resolve(DATA));
            evictOthers();
        } catch (IOException | RuntimeException e) {
            warnOnce("save", "Cannot keep the PostgreSQL cluster in the cache folder " + home + " (" + describe(e)
                    + "): the next run initialises its cluster again. Free some space there (a cluster takes about 40 MB),"
                    + " make it writable, or set " + io.github.dbtestkit.core.PostgresSettings.TEMPLATE_CACHE_DIR
                    + " to another folder.");
        } finally {
            if (incoming != null) {
                ClusterFiles.deleteRecursively(incoming);
            }
        }
    }

    /** Deletes the snapshot, e.g. when a cluster copied from it would not start. Never throws. */
    void discard() {
        synchronized (monitor()) {
            try (Lock lock = Lock.exclusive(home)) {
                ClusterFiles.deleteRecursively(home.resolve(DATA));
                ClusterFiles.deleteRecursively(home.resolve("used"));
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not discard the cluster snapshot {}: {}", home, e.toString());
            }
        }
    }

    /** Notes that a run used template {@code database}, for eviction by least recent use. Never throws. */
    void touchTemplate(String database) {
        try {
            Files.createDirectories(home.resolve("used"));
            touch(home.resolve("used").resolve(database));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not note the use of template {} in {}: {}", database, home, e.toString());
        }
    }

    /** When a run last used template {@code database}, as {@link #touchTemplate} noted it. */
    Optional<Long> templateUsed(String database) {
        try {
            Path file = home.resolve("used").resolve(database);
            return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file).toMillis()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Incoming and retired folders of JVMs that died while saving. Called under the exclusive lock. */
    private void removeAbandoned() throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if ((name.startsWith(INCOMING) || name.startsWith(RETIRED)) && ownerGone(name)) {
                    ClusterFiles.deleteRecursively(entry);
                }
            }
        }
    }

    private static boolean ownerGone(String folderName) {
        String rest = folderName.substring(folderName.indexOf('-') + 1);
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Deletes other snapshots, least recently used first, while all snapshots under the root hold more than the bound;
     * a snapshot another JVM is copying (its lock taken) is skipped. This one is never deleted.
     */
    private void evictOthers() {
        List<Path> others = new ArrayList<>();
        long total = 0;
        try (Stream<Path> homes = Files.list(root)) {
            for (Path other : homes.filter(Files::isDirectory).toList()) {
                total += size(other);
                if (!other.equals(home) && Files.isDirectory(other.resolve(DATA))) {
                    others.add(other);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not measure the cluster cache {}: {}", root, e.toString());
            return;
        }
        others.sort(Comparator.comparingLong(ClusterSnapshots::lastUsed));
        for (Path other : others) {
            if (total <= maxBytes) {
                return;
            }
            long size = size(other);
            synchronized (MONITORS.computeIfAbsent(other, p -> new Object())) {
                try (Lock lock = Lock.tryExclusive(other)) {
                    if (lock == null) {
                        continue;
                    }
                    ClusterFiles.deleteRecursively(other.resolve(DATA));
                    ClusterFiles.deleteRecursively(other.resolve("used"));
                    total -= size;
                    LOG.info("Deleted the least recently used PostgreSQL cluster snapshot {} ({} MB): the cache in {} holds"
                            + " more than {} MB ({})", other, size >> 20, root, maxBytes >> 20,
                            io.github.dbtestkit.core.PostgresSettings.TEMPLATE_CACHE_MAX_SIZE);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Could not delete the cluster snapshot {}: {}", other, e.toString());
                }
            }
        }
    }

    private static long lastUsed(Path home) {
        try {
            Path file = home.resolve("last-used");
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }

    static long size(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0L;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0L;
        }
    }

    /** Copies a data folder, keeping permissions (PostgreSQL refuses a data folder others may read). */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, to.resolve(from.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!(file.getParent().equals(from) && RUNTIME_FILES.contains(file.getFileName().toString()))) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Object monitor() {
        return MONITORS.computeIfAbsent(home, p -> new Object());
    }

    private static void touch(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } else {
            Files.writeString(file, "", StandardCharsets.UTF_8);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof IOException io) {
            return ClusterFiles.describe(io);
        }
        if (e instanceof UncheckedIOException io) {
            return ClusterFiles.describe(io.getCause());
        }
        return e.toString();
    }

    private static void warnOnce(String what, String message) {
        if (WARNED.add(what + message)) {
            LOG.warn(message);
        } else {
            LOG.debug(message);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A file lock on a snapshot folder's {@code lock} file, with its channel. */
    private static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static Lock shared(Path home) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                // a read-only cache: nobody can replace data/ while it is read, so reading without a lock is safe
                if (!Files.isRegularFile(home.resolve("lock"))) {
                    return new Lock(null, null);
                }
                channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.READ);
            }
            return new Lock(channel, lock(channel, true));
        }

        static Lock exclusive(Path home) throws IOException {
            FileChannel channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new Lock(channel, lock(channel, false));
        }

        /** The exclusive lock if nobody holds the lock now, else {@code null}. */
        static Lock tryExclusive(Path home) throws IOException {
            FileChannel channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Lock(channel, lock);
        }

        private static FileLock lock(FileChannel channel, boolean shared) throws IOException {
            try {
                return channel.lock(0, Long.MAX_VALUE, shared);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            }
        }
    }
}
