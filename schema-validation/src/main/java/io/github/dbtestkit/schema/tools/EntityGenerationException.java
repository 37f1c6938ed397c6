package io.github.dbtestkit.schema.tools;

import org.apiguardian.api.API;

/**
 * Entity skeletons could not be generated: the database could not be read, it has no table to generate from, or the
 * sources could not be written. The message names the database or folder and says what to do.
 *
 * <pre>{@code
 * try { EntityGenerator.from(dataSource).inPackage("com.acme.model").writeTo(dir); }
 * catch (EntityGenerationException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EntityGenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EntityGenerationException(String message) {
        super(message);
    }

    EntityGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
