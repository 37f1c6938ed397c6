package io.github.dbtestkit.schema.baseline;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.Difference;

import java.util.Objects;

/**
 * A finding that a {@link Baseline} accepts, with the entry that accepted it.
 *
 * <pre>{@code
 * for (AcceptedDifference a : report.accepted())
 *     System.out.println(a.difference().message() + " (accepted: " + a.reason() + ")");
 * }</pre>
 *
 * @param difference the finding
 * @param entry      the baseline entry that accepts it
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AcceptedDifference(Difference difference, BaselineEntry entry) {

    /** Checks that both parts are present. */
    public AcceptedDifference {
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(entry, "entry");
    }

    /** Why the finding is accepted. */
    public String reason() {
        return entry.reason();
    }
}
