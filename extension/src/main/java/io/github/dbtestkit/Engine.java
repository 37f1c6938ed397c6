package io.github.dbtestkit;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;

import java.util.List;

/**
 * A database engine a {@link DatabaseTest} class can run on.
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL})
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Engine {
    /** H2, in memory. */
    H2,
    /** SQLite, in memory, with {@code foreign_keys} on. */
    SQLITE,
    /** PostgreSQL: embedded binaries, Testcontainers, a local install or an external server. */
    POSTGRESQL;

    /** The engine's usual spelling, for messages: {@code PostgreSQL}. */
    public String displayName() {
        return kind().displayName();
    }

    /** The same engine as core knows it, for the layers below the extension. */
    public EngineKind kind() {
        return EngineKind.valueOf(name());
    }

    /** The extension's constant for core's {@code kind}. */
    public static Engine of(EngineKind kind) {
        return valueOf(kind.name());
    }

    /** The lower-case id used in configuration, display names and the {@code {engine}} placeholder: {@code postgresql}. */
    public String id() {
        return kind().id();
    }

    /**
     * Parses an engine id as written in configuration ({@code h2}, {@code sqlite}, {@code postgresql}), ignoring case
     * and surrounding blanks; {@code postgres} and {@code pg} are accepted for PostgreSQL.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Engine fromId(String id) {
        return of(EngineKind.fromId(id));
    }

    /**
     * Parses a comma-separated list of engine ids, as {@code dbtestkit.engines} takes it: blanks ignored, duplicates
     * dropped, order kept. An empty result is the caller's to judge.
     *
     * @throws IllegalArgumentException naming the first bad id and the valid ones
     */
    public static List<Engine> fromIds(String commaSeparated) {
        return EngineKind.fromIds(commaSeparated).stream().map(Engine::of).toList();
    }
}
