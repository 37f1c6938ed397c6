package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.DdlExport;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code export-ddl}: writes create_all's DDL for the entities as {@code DIR/<engine>.sql}, one file per engine. */
@Command(name = "export-ddl", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = "Writes the DDL Hibernate's create_all would run for the entities, one formatted, stably "
                + "ordered <engine>.sql per engine, for review. Needs no database.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files were written", "2:usage, mapping or file error (message on stderr)"})
final class ExportDdlCommand implements Callable<Integer>, MasksErrors {

    @Spec
    CommandSpec spec;

    @Option(names = "--engines", paramLabel = "LIST", split = ",", required = true,
            description = "The engines to write DDL for, comma-separated: h2, sqlite, postgresql.")
    List<String> engines = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "The folder to write <engine>.sql into (created if needed; files of those names are "
                    + "replaced).")
    Path output;

    @Mixin
    EntityOptions entities = new EntityOptions();

    @Mixin
    HibernateOptions hibernate = new HibernateOptions();

    @Option(names = "--verbose", description = "Print stack traces of errors, for bug reports.")
    boolean verbose;

    /** None: export-ddl connects to no database. */
    @Override
    public String password() {
        return null;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        List<EngineKind> chosen = engines();
        Map<String, Object> properties = hibernate.resolve().values();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CliException("Cannot write the DDL to " + output + ": it is a file, and --output names a folder "
                    + "(one <engine>.sql per engine). Choose a folder.");
        }
        try (URLClassLoader loader = entities.classpath.loader()) {
            List<Class<?>> classes = entities.all(loader);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            List<Path> files;
            try {
                files = DdlExport.forEntities(classes.toArray(Class<?>[]::new)).withHibernateProperties(properties)
                        .withClassLoader(loader).engines(chosen.toArray(EngineKind[]::new)).writeTo(output);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new CliException(ErrorHandler.describe(e), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < files.size(); i++) {
                out.println("create_all DDL for " + chosen.get(i).displayName() + " (" + classes.size()
                        + " entities) written to " + files.get(i));
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<EngineKind> engines() {
        return DatabaseOptions.parseEngines(engines, "--engines names no engine: write e.g. --engines "
                + "h2,sqlite,postgresql.");
    }
}
