package io.github.dbtestkit.schema.baseline;

import org.apiguardian.api.API;
/**
 * A baseline file that cannot be read: the message names the file, and the entry and line where it can.
 *
 * <pre>{@code
 * try { Baseline.read(path); } catch (BaselineException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BaselineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public BaselineException(String message) {
        super(message);
    }

    /** @param message what is wrong and where; @param cause the underlying failure */
    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
