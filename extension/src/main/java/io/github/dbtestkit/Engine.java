package io.github.dbtestkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A database engine a {@link DatabaseTest} class can run on.
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL})
 * }</pre>
 */
public enum Engine {
    /** H2, in memory. */
    H2("H2"),
    /** SQLite, in memory, with {@code foreign_keys} on. */
    SQLITE("SQLite"),
    /** PostgreSQL: embedded binaries, Testcontainers, a local install or an external server. */
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    Engine(String displayName) {
        this.displayName = displayName;
    }

    /** The engine's usual spelling, for messages: {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** The lower-case id used in configuration, display names and the {@code {engine}} placeholder: {@code postgresql}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an engine id as written in configuration ({@code h2}, {@code sqlite}, {@code postgresql}), ignoring case
     * and surrounding blanks; {@code postgres} and {@code pg} are accepted for PostgreSQL.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Engine fromId(String id) {
        String normalized = id.trim().toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.id().equals(normalized)) {
                return engine;
            }
        }
        if (normalized.equals("postgres") || normalized.equals("pg")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unknown engine '" + id.trim() + "': expected one of "
                + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * Parses a comma-separated list of engine ids, as {@code dbtestkit.engines} takes it: blanks ignored, duplicates
     * dropped, order kept. An empty result is the caller's to judge.
     *
     * @throws IllegalArgumentException naming the first bad id and the valid ones
     */
    public static List<Engine> fromIds(String commaSeparated) {
        List<Engine> engines = new ArrayList<>();
        for (String id : commaSeparated.split(",")) {
            if (!id.isBlank()) {
                Engine engine = fromId(id);
                if (!engines.contains(engine)) {
                    engines.add(engine);
                }
            }
        }
        return List.copyOf(engines);
    }
}
