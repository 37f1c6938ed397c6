package io.github.dbtestkit.setup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;

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
 * SchemaKey key = new SchemaKey(Engine.H2, "in-memory", SchemaMode.CREATE_ALL, "", entities.names(), "");
 * }</pre>
 *
 * @param engine      the engine
 * @param provider    the server's provider
 * @param mode        the resolved schema mode (never AUTO)
 * @param migrations  the migrations' location and content checksum, empty unless MIGRATIONS
 * @param entities    entity class names, sorted
 * @param owner       a test class that keeps the database to itself (schema NONE), else empty
 */
public record SchemaKey(Engine engine, String provider, SchemaMode mode, String migrations, List<String> entities, String owner) {

    private static final String JVM_SUFFIX = Long.toString(
            java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);

    /** Copies the entity list. */
    public SchemaKey {
        entities = List.copyOf(entities);
    }

    /**
     * A database name derived from the key, unique to this JVM: {@code dbt_h2_3f9a12c0d1_k2x9q4}. The random part keeps
     * JVMs (parallel CI jobs) apart on a shared external server.
     */
    public String databaseName() {
        return "dbt_" + engine.id() + "_" + fingerprint() + "_" + JVM_SUFFIX;
    }

    /** Ten hex digits that identify the key across runs, for file names: {@code 3f9a12c0d1}. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(toString().getBytes(StandardCharsets.UTF_8));
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
