package io.github.dbtestkit.schema.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in this JVM with captured output, as picocli's own tests do. */
final class CliRunner {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(Validation validation, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment::get,
                validation);
        return new Result(code, out.toString(), err.toString());
    }
}
