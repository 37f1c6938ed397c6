package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

import java.util.List;

/**
 * One test on one engine: how it ended, why, and how long it took.
 *
 * <pre>{@code
 * Cell cell = new Cell(Outcome.FAILED, "expected: 3 but was: 2", 12L, List.of());
 * }</pre>
 *
 * @param outcome        how it ended
 * @param message        the failure message or skip reason, empty when it passed
 * @param durationMillis how long it ran, {@code null} when it did not run (skipped)
 * @param compared       for a cross-engine test, each statement with this engine's result
 *                       ({@code select 1 / 0 → error [22012] division by zero}); empty otherwise
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Cell(Outcome outcome, String message, Long durationMillis, List<String> compared) {

    /** Never {@code null} message or list. */
    public Cell {
        message = message == null ? "" : message;
        compared = compared == null ? List.of() : List.copyOf(compared);
    }

    /** Whether it comes from a cross-engine test's results. */
    public boolean crossEngine() {
        return !compared.isEmpty();
    }
}
