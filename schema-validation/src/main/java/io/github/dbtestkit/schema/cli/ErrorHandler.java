package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns any failure of a command into one message on stderr and exit code 2: a stack trace only with
 * {@code --verbose}, and never a password, even one a driver echoed.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int EXIT_ERROR = 2;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String password = null;
        boolean verbose = false;
        if (commandLine.getCommand() instanceof CheckCommand check) {
            password = check.password();
            verbose = check.verbose;
        } else if (commandLine.getCommand() instanceof GenerateMigrationCommand generate) {
            password = generate.password();
            verbose = generate.verbose;
        }
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + Secrets.scrub(describe(exception), password));
        if (verbose) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.scrub(trace.toString(), password));
        }
        err.flush();
        return EXIT_ERROR;
    }

    /** The exception's message, followed by its root cause's when that adds something. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
        if (e instanceof CliException || e instanceof io.github.dbtestkit.schema.baseline.BaselineException) {
            return message;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            return message + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message;
    }
}
