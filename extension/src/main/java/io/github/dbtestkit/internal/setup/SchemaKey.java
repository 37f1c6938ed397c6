package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.apiguardian.api.API;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.core.Provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two test classes' databases interchangeable: same engine and provider, same way of building the schema,
 * same migrations content, same entities. Classes with equal keys share one database and one SessionFactory.
 *
 * <pre>{@code
 * SchemaKey key = new SchemaKey(Engine.H2, Provider.IN_MEMORY, SchemaMode.CREATE_ALL, "", entities.names(),
 *         HibernateProperties.NONE, Sharing.SHARED);
 * }</pre>
 *
 * @param engine      the engine
 * @param provider    the server's provider
 * @param mode        the resolved schema mode (never AUTO)
 * @param migrations  the migrations' location and content checksum, empty unless MIGRATIONS
 * @param entities    entity class names, sorted
 * @param hibernate   the Hibernate settings the mapping is read with (naming strategies change the schema)
 * @param sharing     who else may use the database
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SchemaKey(Engine engine, Provider provider, SchemaMode mode, String migrations, List<String> entities,
                        HibernateProperties hibernate, Sharing sharing) {

    /**
     * Who may share a prepared database.
     *
     * @param ownerClass the one test class that keeps it to itself (schema or isolation NONE), empty when shared
     * @param template   whether it is a FRESH_DATABASE template, copied per test and so never connected to by ROLLBACK
     *                   classes
     */
    public record Sharing(java.util.Optional<String> ownerClass, boolean template) {

        /** Shared by every class with an equal key. */
        public static final Sharing SHARED = new Sharing(java.util.Optional.empty(), false);

        /** Whether only one class can ever use it, so it may be released when that class's run ends. */
        public boolean owned() {
            return ownerClass.isPresent();
        }
    }

    /**
     * This JVM's part of every name: its pid (base 36), which no other live JVM of the host has (so Surefire's forks
     * never share a database), then four random characters, which keep hosts apart on a shared external server.
     */
    static final String JVM_SUFFIX = Long.toString(ProcessHandle.current().pid(), 36)
            + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36);

    /** Copies the entity list. */
    public SchemaKey {
        entities = List.copyOf(entities);
    }

    /** How many databases of each name this JVM asked for: runs of one JVM (a Launcher inside a test) must not collide. */
    private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A new database name derived from the key, unique to this JVM: {@code dbt_h2_3f9a12c0d1_ej2kq4x9} for pid 677900
     * ({@code ej2k}). The pid keeps forks of one build apart, the random end keeps hosts (parallel CI jobs) apart on a
     * shared external server; who may drop a database a killed JVM left is in its comment, not its name. A second
     * request for the same key in this JVM (a second provisioner, as when a test runs JUnit inside JUnit) gets
     * {@code _2}, {@code _3}, ...: in-memory databases of one name are one database JVM-wide.
     */
    public String newDatabaseName() {
        String base = "dbt_" + engine.id() + "_" + fingerprint() + "_" + JVM_SUFFIX;
        int n = NAMED.computeIfAbsent(base, b -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        return n == 1 ? base : base + "_" + n;
    }

    /** Ten hex digits that identify the key across runs, for file names: {@code 3f9a12c0d1}. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", engine.id(), provider.id(), mode.name(), migrations, String.join(",", entities),
                    hibernate.values().entrySet().toString(), sharing.ownerClass().orElse(""), Boolean.toString(sharing.template())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** For messages: {@code CREATE_ALL of [com.acme.Post] on H2 (in-memory)}. */
    public String describe() {
        String what = switch (mode) {
            case CREATE_ALL -> "CREATE_ALL of " + entities;
            case MIGRATIONS -> "MIGRATIONS " + migrations;
            default -> "empty schema";
        };
        return what + " on " + engine.displayName() + " (" + provider + ")";
    }
}
