package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
/**
 * A migration location that cannot be read, or a migration that cannot be applied. The message says what went wrong
 * with the names the user wrote (the location, the script or changeset, its version, the failing statement and the
 * database's own message) and, where there is one, what to do next.
 *
 * <pre>{@code
 * try { Migrator.standard().apply(resolved, dataSource); }
 * catch (MigrationException e) { fail(e.getMessage()); }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MigrationException extends io.github.dbtestkit.core.ProvisioningException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete, user-facing message. */
    public MigrationException(String message) {
        super(message);
    }

    /** An error with a complete, user-facing message; the cause is kept for debugging, the message stands alone. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
