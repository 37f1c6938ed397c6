package io.github.dbtestkit.benchmarks.harness;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One line for a failure and its causes, for a table's notes: a benchmark reports what went wrong and goes on.
 *
 * <pre>{@code
 * out.println("not measured: " + Messages.chain(e));
 * }</pre>
 */
public final class Messages {

    private Messages() {
    }

    /** The distinct messages of {@code failure} and its causes, joined by " — ". */
    public static String chain(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return String.join(" — ", messages);
    }
}
