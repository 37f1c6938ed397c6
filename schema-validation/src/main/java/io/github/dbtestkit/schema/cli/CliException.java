package io.github.dbtestkit.schema.cli;

/** A problem the user can fix (usage, connection, mapping, files): reported as one message, exit code 2. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
