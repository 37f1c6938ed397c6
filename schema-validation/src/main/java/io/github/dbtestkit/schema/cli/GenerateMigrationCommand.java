package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.tools.MigrationGenerator;
import io.github.dbtestkit.schema.tools.MigrationScript;
import io.github.dbtestkit.schema.tools.MigrationTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code generate-migration}: writes, under {@code DIR/<engine>/}, the Flyway script or Liquibase changelog that brings
 * the database to the entities: the running one of {@code --url}, or each engine's as {@code --migrations} (or
 * {@code --schema-sql}) builds it with {@code --engines}; exits 0 (also when there is nothing to do) or 2.
 */
@Command(name = "generate-migration", sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes the migration that brings a database (--url, or each engine's built from --migrations "
                + "or --schema-sql) to the JPA entities: tables, columns, wider types, keys, indexes, sequences. Drops,"
                + " narrowing and conversions are written commented out, for review.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the migration was written under --output, or there was nothing to do (no file written)",
            "2:usage, connection, mapping or file error (message on stderr)"})
final class GenerateMigrationCommand implements Callable<Integer>, MasksErrors {

    @Spec
    CommandSpec spec;

    // Not mixinStandardHelpOptions: its --version would clash with the migration's --version, and picocli then drops
    // --help with it.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    EntityOptions entities = new EntityOptions();

    @Mixin
    HibernateOptions hibernate = new HibernateOptions();

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Folder to write into: the migration goes to DIR/<engine>/ (created when missing).")
    Path output;

    @Option(names = "--tool", paramLabel = "TOOL", defaultValue = "flyway",
            description = "flyway (V<version>__<name>.sql) or liquibase (<version>-<name>.sql, a formatted SQL"
                    + " changelog); default: ${DEFAULT-VALUE}.")
    MigrationTool tool;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = MigrationGenerator.DEFAULT_NAME,
            description = "The migration's name: letters, digits and '_' (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "The migration's version, e.g. 3 or 2.1. Default:"
            + " one above the highest in flyway_schema_history (Flyway), else the UTC time as yyyyMMddHHmmss.")
    String version;

    @Option(names = "--verbose", description = "Print stack traces of errors, for bug reports.")
    boolean verbose;

    private final Function<String, String> environment;
    private String password;

    GenerateMigrationCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    /** The password once resolved, so that error output can mask it. */
    @Override
    public String password() {
        return password;
    }

    @Override
    public Integer call() {
        MigrationGenerator generator = entities.packages().isEmpty() ? null
                : MigrationGenerator.forPackages(entities.packages().toArray(String[]::new));
        try {
            if (version != null) {
                // checked before connecting: a typo in an option is a usage error, whatever the database says
                MigrationGenerator.forPackages("x").withVersion(version);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (from --version)", e);
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_]*")) {
            throw new CliException("--name " + name + " must be letters, digits and '_', starting with a letter or"
                    + " digit, e.g. --name add_phone.");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CliException("--output " + output + " is a file: name a folder; the migration goes to "
                    + output + "/<engine>/.");
        }
        boolean running = database.isUrl();
        password = database.password(environment);
        HibernateProperties properties = hibernate.resolve();
        try (URLClassLoader loader = entities.classpath.loader()) {
            MigrationGenerator configured = (generator != null ? generator
                    : MigrationGenerator.forEntities(entities.named(loader).toArray(Class<?>[]::new)))
                    .withHibernateProperties(properties.values());
            MigrationGenerator versioned = version == null ? configured : configured.withVersion(version);
            Collection<MigrationScript> scripts = running
                    ? List.of(generate(loader, versioned.against(database.connect(loader, password))))
                    : database.onEachEngine(loader, () -> entities.all(loader), properties, environment,
                            dataSource -> generate(loader, versioned.against(dataSource))).values();
            scripts.forEach(this::publish);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MigrationScript generate(ClassLoader loader, MigrationGenerator generator) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hibernate and package scanning look up user classes through the context class loader.
        thread.setContextClassLoader(loader);
        try {
            return generator.generate(tool, name);
        } catch (RuntimeException e) {
            throw new CliException("Generating the migration failed: " + ErrorHandler.describe(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void publish(MigrationScript script) {
        PrintWriter out = spec.commandLine().getOut();
        if (!script.hasChanges()) {
            out.println("Nothing to do: the " + script.engine().displayName() + " database matches the entities;"
                    + " no migration written.");
            out.flush();
            return;
        }
        Path folder = output.resolve(script.engine().id());
        Path file;
        try {
            file = script.writeTo(folder);
        } catch (UncheckedIOException e) {
            throw new CliException(e.getMessage() + " (from --output)", e);
        }
        out.println("Wrote " + file + ": " + script.statements().size() + " statements to run, "
                + script.warnings().size() + " left commented out for review (see the WARNING lines).");
        out.flush();
    }
}
