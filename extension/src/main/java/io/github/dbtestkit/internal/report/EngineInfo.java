package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One engine of the run: who provided it, its version, and the databases its classes ran on.
 *
 * <pre>{@code
 * new EngineInfo("postgresql", "embedded", "17.5", List.of(setup));
 * }</pre>
 *
 * @param id            {@code h2}, {@code sqlite}, {@code postgresql}
 * @param provider      {@code in-memory}, {@code embedded}, ..., empty when no database could be prepared
 * @param serverVersion the server's version, empty when no database could be prepared
 * @param schemas       the distinct databases, in the order first seen
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EngineInfo(String id, String provider, String serverVersion, List<SchemaSetup> schemas) {

    /** Never {@code null}. */
    public EngineInfo {
        provider = provider == null ? "" : provider;
        serverVersion = serverVersion == null ? "" : serverVersion;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    /** This engine with {@code other}'s facts: blanks filled in, databases added. */
    EngineInfo with(EngineInfo other) {
        List<SchemaSetup> all = new ArrayList<>(new LinkedHashSet<>(concat(schemas, other.schemas)));
        return new EngineInfo(id, provider.isEmpty() ? other.provider : provider,
                serverVersion.isEmpty() ? other.serverVersion : serverVersion, all);
    }

    private static List<SchemaSetup> concat(List<SchemaSetup> a, List<SchemaSetup> b) {
        List<SchemaSetup> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
