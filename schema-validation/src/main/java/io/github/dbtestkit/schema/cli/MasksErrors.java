package io.github.dbtestkit.schema.cli;

/**
 * A command whose failures {@link ErrorHandler} reports: the password to scrub from messages (even one a driver
 * echoed), and whether {@code --verbose} asked for stack traces.
 */
interface MasksErrors {

    /** The password once resolved from {@code --password-env}, or {@code null}. */
    String password();

    /** Whether {@code --verbose} was given. */
    boolean verbose();
}
