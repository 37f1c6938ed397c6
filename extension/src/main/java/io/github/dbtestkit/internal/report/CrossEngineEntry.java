package io.github.dbtestkit.internal.report;

import io.github.dbtestkit.Engine;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code dbtestkit.cross-engine} report entry read back: the statement and each engine's result.
 *
 * <pre>{@code
 * CrossEngineEntry entry = CrossEngineEntry.parse("select 1 / 0 → h2: error [22012] Division by zero; sqlite: 1 row");
 * entry.results().get("sqlite"); // "1 row"
 * }</pre>
 *
 * @param statement the statement, as the test wrote it (stripped)
 * @param results   by engine id, in the class's engine order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CrossEngineEntry(String statement, Map<String, String> results) {

    /** Between the statement and the results. */
    public static final String ARROW = " → ";

    private static final String ENGINE_IDS = Arrays.stream(Engine.values()).map(Engine::id).map(Pattern::quote)
            .collect(Collectors.joining("|"));
    /** The arrow before the first engine's result; the statement may itself hold arrows, an error may hold "; ". */
    private static final Pattern FIRST_RESULT = Pattern.compile(Pattern.quote(ARROW) + "(?=(?:" + ENGINE_IDS + "): )");
    private static final Pattern NEXT_RESULT = Pattern.compile("(?:^|; )(" + ENGINE_IDS + "): ");

    /** Copies the results. */
    public CrossEngineEntry {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** Reads an entry; one that does not name an engine keeps its text as the statement, with no results. */
    public static CrossEngineEntry parse(String entry) {
        Matcher first = FIRST_RESULT.matcher(entry);
        if (!first.find()) {
            return new CrossEngineEntry(entry, Map.of());
        }
        String statement = entry.substring(0, first.start());
        String rest = entry.substring(first.end());
        Map<String, String> results = new LinkedHashMap<>();
        Matcher next = NEXT_RESULT.matcher(rest);
        String engine = null;
        int from = 0;
        while (next.find()) {
            if (engine != null) {
                results.put(engine, rest.substring(from, next.start()));
            }
            engine = next.group(1);
            from = next.end();
        }
        if (engine != null) {
            results.put(engine, rest.substring(from));
        }
        return new CrossEngineEntry(statement, results);
    }

    /** The line a cell shows for {@code engine}: {@code select 1 / 0 → error [22012] Division by zero}. */
    public String lineFor(String engine) {
        return statement + ARROW + results.get(engine);
    }
}
