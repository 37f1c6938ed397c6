package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.baseline.Baseline;
import io.github.dbtestkit.schema.internal.report.ReportRenderers;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.EngineReports;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.build.BuiltReports;
import io.github.dbtestkit.schema.internal.build.SchemaSource;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code check}: validates entity classes against a running database ({@code --url}), or against databases it builds
 * on embedded engines ({@code --migrations}, {@code --schema create_all}, {@code --schema-sql} with {@code --engines}),
 * renders the reports, and exits 0, 1 or 2.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = "Compares JPA entity mappings with a database schema and reports every difference.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the database matches the entities (nothing at or above --fail-on)",
            "1:drift at or above --fail-on (on any engine)",
            "2:usage, connection, mapping or file error (message on stderr)"})
final class CheckCommand implements Callable<Integer>, MasksErrors {

    /** The lowest severity that fails the check. */
    enum FailOn { ERROR, WARNING }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    EntityOptions entities = new EntityOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ReportFormatConverter.class, completionCandidates = ReportFormatConverter.Candidates.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE|DIR",
            description = "Write the report to this file (folders are created) instead of standard output; with "
                    + "--engines, a folder that gets one <engine>.<ext> per engine.")
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
        boolean running = database.isUrl();
        password = database.password(environment);
        HibernateProperties properties = hibernate.resolve();
        Baseline accepted = baseline == null ? null : Baseline.read(baseline);
        if (running) {
            checkOutputTarget();
        } else {
            checkOutputFolder(database.engines().size());
        }
        try (URLClassLoader loader = entities.classpath.loader()) {
            return running ? checkRunning(loader, properties, accepted) : checkBuilt(loader, properties, accepted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int checkRunning(URLClassLoader loader, HibernateProperties properties, Baseline accepted) {
        List<Class<?>> classes = entities.named(loader);
        DataSource dataSource = database.connect(loader, password);
        SchemaReport report = validate(loader, classes, dataSource, properties);
        if (accepted != null) {
            report = accepted.applyTo(report);
        }
        publish(report);
        return exitCode(report);
    }

    private int checkBuilt(URLClassLoader loader, HibernateProperties properties, Baseline accepted) {
        SchemaSource source = database.source();
        List<Class<?>> named = entities.named(loader);
        Map<EngineKind, SchemaReport> reports = database.onEachEngine(loader, () -> entities.all(loader), properties,
                environment, dataSource -> {
                    SchemaReport report = BuiltReports.relabel(validate(loader, named, dataSource, properties), source);
                    return accepted == null ? report : accepted.applyTo(report);
                });
        EngineReports all = new EngineReports(reports);
        publish(all);
        return all.drifting(threshold()).isEmpty() ? 0 : 1;
    }

    private void publish(EngineReports all) {
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            String separator = "";
            for (SchemaReport report : all.reports().values()) {
                out.print(separator);
                out.print(report.render(format));
                separator = "\n";
            }
        } else {
            for (Map.Entry<EngineKind, SchemaReport> entry : all.reports().entrySet()) {
                Path file = output.resolve(entry.getKey().id() + "." + extension());
                write(file, entry.getValue().render(format));
                out.println("Schema check of " + entry.getValue().database() + " (" + entry.getValue().engine()
                        + "): " + ReportRenderers.summary(entry.getValue()) + " — " + ReportFormatConverter.cliName(format)
                        + " report written to " + file);
            }
        }
        if (all.engines().size() > 1) {
            out.println((output == null ? "\n" : "") + "Engines: " + all.summary(threshold()));
        }
        out.flush();
    }

    private Severity threshold() {
        return failOn == FailOn.WARNING ? Severity.WARNING : Severity.ERROR;
    }

    private void checkOutputFolder(int engineCount) {
        if (output == null) {
            if (engineCount > 1 && (format == ReportFormat.JSON || format == ReportFormat.JUNIT_XML
                    || format == ReportFormat.HTML)) {
                throw new CliException("--format " + ReportFormatConverter.cliName(format) + " with " + engineCount
                        + " engines gives one document per engine: add --output DIR to write DIR/<engine>."
                        + extension() + ", or use --format text or markdown on standard output.");
            }
            return;
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CliException("Cannot write the reports to " + output + ": with --engines, --output names a "
                    + "folder (one <engine>." + extension() + " per engine), and " + output + " is a file. Choose a "
                    + "folder.");
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new CliException("Cannot write the reports to " + output + ": cannot create the folder ("
                    + reason(e) + "). Choose another --output.", e);
        }
        if (!Files.isWritable(output)) {
            throw new CliException("Cannot write the reports to " + output + ": permission denied. Choose another "
                    + "--output.");
        }
    }

    private void write(Path file, String rendered) {
        try {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("Cannot write the report to " + file + ": " + reason(e)
                    + ". Choose another --output.", e);
        }
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

    private SchemaReport validate(ClassLoader loader, List<Class<?>> classes, DataSource dataSource,
                                  HibernateProperties properties) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hibernate and package scanning look up user classes through the context class loader.
        thread.setContextClassLoader(loader);
        try {
            return validation.validate(classes, entities.packages(), properties, dataSource);
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
        write(output, rendered);
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
