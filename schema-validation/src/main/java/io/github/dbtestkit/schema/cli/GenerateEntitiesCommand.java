package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.internal.build.SchemaSource;
import io.github.dbtestkit.schema.internal.entities.JavaNames;
import io.github.dbtestkit.schema.tools.EntityGenerationException;
import io.github.dbtestkit.schema.tools.EntityGenerator;
import io.github.dbtestkit.schema.tools.GeneratedEntities;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code generate-entities}: writes JPA entity skeletons for a database's tables under {@code --output}, through
 * {@link EntityGenerator}: the running one of {@code --url}, or the one {@code --migrations} (or {@code --schema-sql})
 * builds on the single engine of {@code --engines}; exits 0, or 2 with one message.
 */
@Command(name = "generate-entities", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = "Writes a JPA entity class per table of a database (like sqlacodegen), as .java sources "
                + "under --output in the folders of --package. The database: --url, or --migrations/--schema-sql "
                + "built on the one engine of --engines.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the sources were written",
            "2:usage, connection or file error, or a database without tables (message on stderr)"})
final class GenerateEntitiesCommand implements Callable<Integer>, MasksErrors {

    @Spec
    CommandSpec spec;

    @Option(names = "--package", required = true, paramLabel = "P",
            description = "Package of the generated classes, e.g. com.acme.model.")
    String packageName;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Source root to write under, e.g. src/main/java (the package's folders are created; "
                    + "files of the same names are replaced).")
    Path output;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    UserClassPath classpath = new UserClassPath();

    @Option(names = "--verbose", description = "Print stack traces of errors, for bug reports.")
    boolean verbose;

    private final Function<String, String> environment;
    private String password;

    GenerateEntitiesCommand(Function<String, String> environment) {
        this.environment = environment;
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
        // Checked before connecting, so a typo costs no connection attempt.
        if (!JavaNames.isPackageName(packageName)) {
            throw new CliException("--package " + packageName + " is not a Java package name: use dot-separated "
                    + "identifiers that are not Java keywords, such as com.acme.model.");
        }
        boolean running = database.isUrl();
        if (!running) {
            checkOneBuiltDatabase();
        }
        password = database.password(environment);
        try (URLClassLoader loader = classpath.loader()) {
            GeneratedEntities generated = running ? generate(database.connect(loader, password))
                    : database.onEachEngine(loader, List::of, HibernateProperties.NONE, environment, this::generate)
                            .values().iterator().next();
            report(generated, running ? generated.database() : database.source().describe());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One set of classes, so one engine: each engine's types would give different classes under the same names. And
     * create_all would build the tables from the very entities this is to write.
     */
    private void checkOneBuiltDatabase() {
        if (database.source() instanceof SchemaSource.CreateAll) {
            throw new CliException("--schema create_all builds tables from entities, which generate-entities is to "
                    + "write: build the database with --migrations LOCATION or --schema-sql FILE, or read one with "
                    + "--url.");
        }
        List<EngineKind> engines = database.engines();
        if (engines.size() > 1) {
            throw new CliException("generate-entities writes one set of classes, and --engines names "
                    + engines.size() + " (" + String.join(",", engines.stream().map(EngineKind::id).toList())
                    + "): name the one whose column types the classes should follow, e.g. --engines "
                    + engines.get(engines.size() - 1).id() + ".");
        }
    }

    private GeneratedEntities generate(DataSource dataSource) {
        try {
            return EntityGenerator.from(dataSource).inPackage(packageName).writeTo(output);
        } catch (EntityGenerationException e) {
            throw new CliException(e.getMessage().replace("Choose another output folder", "Choose another --output"),
                    e);
        }
    }

    private void report(GeneratedEntities generated, String database) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated " + generated.entities().size() + " entities from " + database + " ("
                + generated.engine() + ") under " + output + ":");
        generated.files().forEach(file -> out.println("  " + file));
        generated.skippedTables().forEach((table, why) -> out.println("Skipped table " + table + ": " + why + "."));
        out.flush();
    }
}
