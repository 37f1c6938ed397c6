package io.github.dbtestkit.core;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.ProvisioningException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns an exception chain into one line for people: each distinct message once, outermost first.
 *
 * <pre>{@code
 * throw new ProvisioningException("CREATE_ALL failed: " + Messages.chain(e), e);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Messages {

    private Messages() {
    }

    /** The distinct messages of {@code error} and its causes, joined with {@code " — "}. */
    public static String chain(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                boolean covered = messages.stream().anyMatch(m -> m.contains(message.strip()));
                if (!covered) {
                    messages.add(message.strip());
                }
            }
        }
        return messages.isEmpty() ? error.getClass().getSimpleName() : String.join(" — ", messages);
    }
}
