package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.baseline.Baseline;
import io.github.dbtestkit.schema.internal.report.ReportRenderers;
import jakarta.persistence.Entity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code check}: validates entity classes against a database, renders the report, and exits 0, 1 or 2. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = "Compares JPA entity mappings with a database schema and reports every difference.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the database matches the entities (nothing at or above --fail-on)",
            "1:drift at or above --fail-on",
            "2:usage, connection, mapping or file error (message on stderr)"})
final class CheckCommand implements Callable<Integer>, MasksErrors {

    /** The lowest severity that fails the check. */
    enum FailOn { ERROR, WARNING }

    /** Exactly one way of naming the entities. */
    static final class Entities {
        @Option(names = "--entities-package", paramLabel = "P", required = true,
                description = "Validate every @Entity class in this package and its sub-packages (repeatable).")
        List<String> packages = new ArrayList<>();

        @Option(names = "--entity", paramLabel = "CLASS", required = true,
                description = "Validate this entity class, e.g. com.acme.Post (repeatable).")
        List<String> classes = new ArrayList<>();
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "JDBC URL of the database to check, e.g. jdbc:postgresql://localhost:5432/shop.")
    String url;

    @Option(names = "--username", paramLabel = "U", description = "Database user.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password.")
    String passwordEnv;

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Folders and jars holding the entity classes "
            + "(and any extra JDBC driver), separated by '${sys:path.separator}'; dir/* means every jar in dir.")
    String classpath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Entities entities;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ReportFormatConverter.class, completionCandidates = ReportFormatConverter.Candidates.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to this file (folders are created) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 on findings of this severity or worse: error or warning (default: error).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "JSON file of accepted differences; see docs/reports-and-cli.md.")
    Path baseline;

    @Mixin
    HibernateOptions hibernate = new HibernateOptions();

    @Option(names = "--verbose", description = "Print stack traces of errors, for bug reports.")
    boolean verbose;

    private final Function<String, String> environment;
    private final Validation validation;
    private String password;

    CheckCommand(Function<String, String> environment, Validation validation) {
        this.environment = environment;
        this.validation = validation;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        password = resolvePassword();
        HibernateProperties properties = hibernate.resolve();
        checkOutputTarget();
        Baseline accepted = baseline == null ? null : Baseline.read(baseline);
        try (URLClassLoader loader = UserClassPath.loader(classpath, CheckCommand.class.getClassLoader())) {
            List<Class<?>> classes = loadEntities(loader);
            DataSource dataSource = connect(loader);
            SchemaReport report = validate(loader, classes, dataSource, properties);
            if (accepted != null) {
                report = accepted.applyTo(report);
            }
            publish(report);
            return exitCode(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String resolvePassword() {
        return JdbcConnector.password(environment, passwordEnv);
    }

    private void checkOutputTarget() {
        if (output == null) {
            return;
        }
        if (Files.isDirectory(output)) {
            throw new CliException("Cannot write the report to " + output + ": it is a folder; name a file in it, "
                    + "e.g. --output " + output.resolve("schema-report." + extension()) + ".");
        }
        Path folder = output.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CliException("Cannot write the report to " + output + ": cannot create the folder " + folder
                    + " (" + reason(e) + "). Choose another --output.", e);
        }
        if (!Files.isWritable(folder) || (Files.exists(output) && !Files.isWritable(output))) {
            throw new CliException("Cannot write the report to " + output + ": permission denied. Choose another "
                    + "--output.");
        }
    }

    private List<Class<?>> loadEntities(ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : entities.classes) {
            Class<?> type;
            try {
                type = Class.forName(name.strip(), false, loader);
            } catch (ClassNotFoundException e) {
                throw new CliException("Entity class " + name + " (from --entity) was not found on the --classpath "
                        + (classpath == null ? "(none given)" : classpath) + ": check the class name, package "
                        + "included, and the paths.", e);
            } catch (LinkageError e) {
                throw new CliException("Entity class " + name + " (from --entity) cannot be loaded: " + e
                        + " — add the jars it depends on to --classpath.", e);
            }
            if (!type.isAnnotationPresent(Entity.class)) {
                throw new CliException("Class " + name + " (from --entity) is not annotated with @Entity: name an "
                        + "entity class, or use --entities-package.");
            }
            classes.add(type);
        }
        return classes;
    }

    private DataSource connect(ClassLoader loader) {
        return JdbcConnector.connect(url, username, password, loader);
    }

    private SchemaReport validate(ClassLoader loader, List<Class<?>> classes, DataSource dataSource,
                                  HibernateProperties properties) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hibernate and package scanning look up user classes through the context class loader.
        thread.setContextClassLoader(loader);
        try {
            return validation.validate(classes, entities.packages, properties, dataSource);
        } catch (RuntimeException e) {
            throw new CliException("Schema validation failed: " + ErrorHandler.describe(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void publish(SchemaReport report) {
        String rendered = report.render(format);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(rendered);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("Cannot write the report to " + output + ": " + reason(e)
                    + ". Choose another --output.", e);
        }
        out.println("Schema check of " + report.database() + " (" + report.engine() + "): "
                + ReportRenderers.summary(report) + " — " + ReportFormatConverter.cliName(format)
                + " report written to " + output);
        out.flush();
    }

    private int exitCode(SchemaReport report) {
        boolean drift = report.hasErrors() || (failOn == FailOn.WARNING && report.hasWarnings());
        return drift ? 1 : 0;
    }

    private String extension() {
        return format.fileExtension();
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
