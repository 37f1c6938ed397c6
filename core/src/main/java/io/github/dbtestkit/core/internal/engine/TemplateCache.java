package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template databases a PostgreSQL server keeps across runs, one per schema content (a migrations checksum): the first
 * run builds one under a temporary name ({@code dtk_build_<hash>_<jvm>}, owner-marked so that a killed builder's is
 * reaped), renames it to {@code dtk_cache_<hash>} once complete, and every run copies it with
 * {@code CREATE DATABASE ... TEMPLATE} instead of migrating. A half-built template is never used: only a complete
 * build gets the cache's name.
 *
 * <p>Builders of the same content take a PostgreSQL advisory lock, so two JVMs on one external server build it once;
 * the second waits and copies. Each use stamps the template's comment ({@code dbtestkit template used=<ms>}); when a
 * server holds more than {@code max-templates}, the least recently used are dropped. On a cluster dbtestkit runs
 * itself the templates live in its data folder, which {@link ClusterSnapshots} keeps across runs; stamps of runs that
 * saved no snapshot are read from the snapshot's {@code used/} files.
 */
final class TemplateCache {

    static final String PREFIX = "dtk_cache_";
    static final String BUILD_PREFIX = "dtk_build_";
    private static final String COMMENT_PREFIX = "dbtestkit template ";
    private static final Pattern USED = Pattern.compile("used=(\\d+)");
    private static final Logger LOG = LoggerFactory.getLogger(TemplateCache.class);
    /** SQLSTATE of "database does not exist": a template another JVM evicted between our look and our copy. */
    private static final String INVALID_CATALOG = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(15);

    private final int maxTemplates;
    private final Optional<PostgresCluster> cluster;

    /**
     * @param cluster the cluster dbtestkit runs, whose snapshot keeps the templates; empty for an external server,
     *                which keeps them itself
     */
    TemplateCache(int maxTemplates, Optional<PostgresCluster> cluster) {
        this.maxTemplates = maxTemplates;
        this.cluster = cluster;
    }

    /** The cluster that keeps the templates, empty on an external server. */
    Optional<PostgresCluster> cluster() {
        return cluster;
    }

    /**
     * A new database {@code name} with the schema of {@code contentKey}: copied from the cached template, which
     * {@code build} makes first if the server has none.
     */
    DatabaseInstance obtain(PostgresServer server, String name, String contentKey, Consumer<DatabaseInstance> build) {
        // per user: a copy keeps the template's owners, and another user could not write to tables it does not own
        String hash = hash(contentKey + "\n" + server.version() + "\n" + server.username());
        String cached = PREFIX + hash;
        try {
            if (exists(server, cached)) {
                Optional<DatabaseInstance> copy = copy(server, cached, name);
                if (copy.isPresent()) {
                    return copy.get();
                }
            }
            try (Connection lockConnection = server.adminConnection()) {
                lock(lockConnection, hash, server);
                try {
                    if (!exists(server, cached)) {
                        publish(server, cached, hash, contentKey, build);
                    }
                    return copy(server, cached, name).orElseThrow(() -> new ProvisioningException(
                            "The cached PostgreSQL template " + cached + " vanished while it was copied to " + name
                                    + ": another JVM evicted it; run again, or raise " + PostgresSettings.TEMPLATE_CACHE_MAX_TEMPLATES));
                } finally {
                    unlock(lockConnection, hash);
                }
            }
        } catch (SQLException e) {
            throw new ProvisioningException("Cannot use the PostgreSQL template cache on " + Secrets.maskUrl(server.jdbcUrl())
                    + ": " + e.getMessage() + " (set " + PostgresSettings.TEMPLATE_CACHE + "=false to migrate every run)", e);
        }
    }

    private Optional<DatabaseInstance> copy(PostgresServer server, String cached, String name) {
        long start = System.nanoTime();
        try {
            DatabaseInstance copy = server.cloneFrom(cached, name);
            stampUse(server, cached);
            LOG.info("dbtestkit: database {} copied from the cached template {} in {} ms: migrations skipped", name, cached,
                    (System.nanoTime() - start) / 1_000_000);
            return Optional.of(copy);
        } catch (ProvisioningException e) {
            if (e.getCause() instanceof SQLException sql && INVALID_CATALOG.equals(sql.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Builds under a temporary name and renames when complete; drops the half-built one when the build fails. */
    private void publish(PostgresServer server, String cached, String hash, String contentKey, Consumer<DatabaseInstance> build)
            throws SQLException {
        long start = System.nanoTime();
        String buildName = BUILD_PREFIX + hash + "_" + Long.toString(ProcessHandle.current().pid(), 36)
                + Long.toString(System.nanoTime() & 0xffffff, 36);
        DatabaseInstance building = server.createDatabase(buildName);
        try {
            build.accept(building);
        } catch (RuntimeException e) {
            building.close();
            throw e;
        }
        // its connections closed and the server no longer drops it; until renamed, its owner comment lets reaping drop it
        building.keep();
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            PostgresServer.terminateConnections(admin, buildName);
            try {
                statement.execute("ALTER DATABASE " + buildName + " RENAME TO " + cached);
            } catch (SQLException e) {
                server.dropByName(admin, buildName);
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return; // another builder without our lock finished first; its template is as good
                }
                throw e;
            }
            comment(statement, cached, contentKey);
        }
        cluster.ifPresent(PostgresCluster::markChanged);
        LOG.info("dbtestkit: built the PostgreSQL template {} in {} ms ({}): databases of the same migrations are copied from it",
                cached,
                (System.nanoTime() - start) / 1_000_000, abbreviate(contentKey));
        evict(server, cached);
    }

    /** Drops the least recently used templates beyond {@code max-templates}; never {@code keep}. */
    private void evict(PostgresServer server, String keep) {
        try (Connection admin = server.adminConnection(); PreparedStatement query = admin.prepareStatement(
                "SELECT d.datname, s.description FROM pg_database d LEFT JOIN pg_shdescription s"
                        + " ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass WHERE d.datname LIKE ?")) {
            query.setString(1, PREFIX.replace("_", "\\_") + "%");
            List<String[]> templates = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    templates.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            if (templates.size() <= maxTemplates) {
                return;
            }
            templates.sort(Comparator.comparingLong((String[] t) -> lastUsed(t[0], t[1])).reversed());
            for (String[] template : templates.subList(maxTemplates, templates.size())) {
                if (template[0].equals(keep) || !DatabaseNames.isValid(template[0])) {
                    continue;
                }
                try (Statement drop = admin.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + template[0]); // not FORCE: a JVM copying it now keeps it
                    LOG.info("dbtestkit: dropped the least recently used PostgreSQL template {} ({} holds at most {})",
                            template[0], PostgresSettings.TEMPLATE_CACHE_MAX_TEMPLATES, maxTemplates);
                } catch (SQLException e) {
                    LOG.debug("Could not drop the cached template {}: {}", template[0], e.getMessage());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not bound the PostgreSQL template cache: {}", e.toString());
        }
    }

    private long lastUsed(String name, String description) {
        long stamped = 0;
        if (description != null) {
            Matcher m = USED.matcher(description);
            if (m.find()) {
                stamped = Long.parseLong(m.group(1));
            }
        }
        return Math.max(stamped, cluster.flatMap(c -> c.templateLastUsed(name)).orElse(0L));
    }

    /**
     * Before a cluster's data folder is copied into the cache: drops every database but the cached templates (kept
     * ones of failed tests, say), so that no run inherits them.
     */
    void beforeShutdown(PostgresServer server) {
        if (cluster.isEmpty() || !cluster.get().savesSnapshot()) {
            return;
        }
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate"
                     + " AND datname <> 'postgres'")) {
            List<String> strays = new ArrayList<>();
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.startsWith(PREFIX) && DatabaseNames.isValid(name)) {
                    strays.add(name);
                }
            }
            for (String stray : strays) {
                server.dropByName(admin, stray);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not tidy the cluster before keeping it: {}", e.toString());
        }
    }

    private void stampUse(PostgresServer server, String cached) {
        cluster.ifPresent(c -> c.templateUsed(cached));
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            String previous = description(admin, cached).orElse("");
            Matcher key = Pattern.compile(" key=(.*)$").matcher(previous);
            comment(statement, cached, key.find() ? key.group(1) : "");
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not stamp the use of the cached template {}: {}", cached, e.toString());
        }
    }

    private static Optional<String> description(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT s.description FROM pg_database d JOIN pg_shdescription s"
                + " ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass WHERE d.datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void comment(Statement statement, String database, String contentKey) throws SQLException {
        String text = COMMENT_PREFIX + "used=" + System.currentTimeMillis() + " key=" + abbreviate(contentKey);
        statement.execute("COMMENT ON DATABASE " + database + " IS '" + text.replace("'", "''") + "'");
    }

    private static boolean exists(PostgresServer server, String database) throws SQLException {
        try (Connection admin = server.adminConnection();
             PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Waits for the builders' advisory lock, saying so every 10 s, and gives up after 15 minutes. */
    private static void lock(Connection connection, String hash, PostgresServer server) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        long nextNote = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, lockKey(hash));
            while (true) {
                try (ResultSet rs = tryLock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new ProvisioningException("Another JVM has been building the PostgreSQL template " + PREFIX + hash
                            + " on " + Secrets.maskUrl(server.jdbcUrl()) + " for " + LOG_WAIT_MINUTES + " minutes: find that"
                            + " run (pg_stat_activity shows its session holding an advisory lock), or set "
                            + PostgresSettings.TEMPLATE_CACHE + "=false.");
                }
                if (System.nanoTime() > nextNote) {
                    LOG.info("dbtestkit: waiting for another JVM that builds the PostgreSQL template {}{}", PREFIX, hash);
                    nextNote = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProvisioningException("Interrupted while waiting to build the PostgreSQL template " + PREFIX + hash, e);
                }
            }
        }
    }

    private static final long LOG_WAIT_MINUTES = LOCK_WAIT.toMinutes();

    private static void unlock(Connection connection, String hash) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, lockKey(hash));
            unlock.executeQuery().close();
        } catch (SQLException e) {
            LOG.debug("Could not release the advisory lock of template {}: {}", hash, e.getMessage());
        }
    }

    private static long lockKey(String hash) {
        return Long.parseUnsignedLong(hash.substring(0, 16), 16);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
