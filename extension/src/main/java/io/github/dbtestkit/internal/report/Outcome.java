package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

/**
 * How one test ended on one engine.
 *
 * <pre>{@code
 * Outcome outcome = Outcome.FAILED; outcome.label(); // "failed"
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Outcome {
    /** It passed. */
    PASSED,
    /** It failed or could not run because of an error. */
    FAILED,
    /** It was skipped: an engine condition, an assumption, or a cross-engine test running in another engine's run. */
    SKIPPED;

    /** Lower case, for people: {@code passed}, {@code failed}, {@code skipped}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
