package io.github.dbtestkit.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.schema.Difference;

import java.util.List;

/**
 * The outcome of one built-in migration check: every problem found, in one pass, rather than the first alone.
 *
 * <pre>{@code
 * CheckResult result = MigrationChecks.standard().appliesFromEmpty(resolved, emptyDataSource);
 * result.assertPassed(); // AssertionError listing every problem
 * }</pre>
 *
 * @param check    what was checked, as a sentence: "every migration applies to an empty database"
 * @param location the location as resolved for the engine
 * @param engine   the engine it ran on
 * @param problems one line per problem, empty when the check passed
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CheckResult(String check, String location, Engine engine, List<String> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** @throws AssertionError listing every problem, when there is one */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(message());
        }
    }

    /** How a check lists one finding of a schema comparison: {@code posts.body: LENGTH_MISMATCH — <message>}. */
    public static String line(Difference difference) {
        return difference.table() + (difference.column() == null ? "" : "." + difference.column()) + ": "
                + difference.kind() + " — " + difference.message();
    }

    /** The failure message: the check, the location, the engine, then one problem per line. */
    public String message() {
        if (passed()) {
            return "Migration check passed for " + location + " on " + engine.displayName() + ": " + check + ".";
        }
        return "Migration check failed for " + location + " on " + engine.displayName() + ": " + check + ".\n  - "
                + String.join("\n  - ", problems);
    }
}
