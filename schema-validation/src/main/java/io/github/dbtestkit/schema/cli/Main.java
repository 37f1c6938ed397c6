package io.github.dbtestkit.schema.cli;

import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The schema-check command line, the main class of {@code dbtestkit-schema-validation-<version>-cli.jar}.
 *
 * <pre>{@code
 * java -jar dbtestkit-schema-validation-0.1.0-cli.jar check --url jdbc:postgresql://localhost/shop \
 *     --username app --password-env DB_PASSWORD --classpath target/classes --entities-package com.acme.model
 * }</pre>
 */
@Command(name = "dbtestkit-schema", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Checks that JPA entity mappings match a database schema, exports their DDL, and generates "
                + "entities from a schema or the migration that fixes its drift.")
@API(status = API.Status.STABLE, since = "0.1")
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Exits with the command's code: 0 matches, 1 drift, 2 usage, connection or mapping error. */
    public static void main(String[] args) {
        // Hibernate's INFO lines would drown the report on a terminal; -D on the command line still wins.
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Hibernate's warnings are about configuration the CLI chose, not about the user's schema.
        setIfAbsent("org.slf4j.simpleLogger.log.org.hibernate", "error");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(args, out, err, System::getenv, Validation.SCHEMA_VALIDATOR));
    }

    /**
     * Runs the command line in this JVM and returns its exit code instead of exiting: for build plugins, scripts and
     * tests that embed the check. The environment is the process's ({@code --password-env}).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(args, out, err, System::getenv, Validation.SCHEMA_VALIDATOR);
    }

    /** Runs the command line in this JVM, for tests and embedding. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Function<String, String> environment,
                       Validation validation) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("check", new CommandLine(new CheckCommand(environment, validation)));
        cli.addSubcommand("export-ddl", new CommandLine(new ExportDdlCommand()));
        cli.addSubcommand("generate-entities", new CommandLine(new GenerateEntitiesCommand(environment)));
        cli.addSubcommand("generate-migration", new CommandLine(new GenerateMigrationCommand(environment)));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("Missing command: use one of " + String.join(", ", cli.getSubcommands().keySet())
                + " (each with --help for its options).");
        cli.usage(cli.getErr());
        return ErrorHandler.EXIT_ERROR;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"dbtestkit schema validation " + (version == null ? "(development build)" : version)};
        }
    }
}
