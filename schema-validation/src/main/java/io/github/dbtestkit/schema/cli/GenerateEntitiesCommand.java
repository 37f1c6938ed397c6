package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.internal.entities.JavaNames;
import io.github.dbtestkit.schema.tools.EntityGenerationException;
import io.github.dbtestkit.schema.tools.EntityGenerator;
import io.github.dbtestkit.schema.tools.GeneratedEntities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code generate-entities}: writes JPA entity skeletons for a database's tables under {@code --output}, through
 * {@link EntityGenerator}; exits 0, or 2 with one message.
 */
@Command(name = "generate-entities", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = "Writes a JPA entity class per table of a database (like sqlacodegen), as .java sources "
                + "under --output in the folders of --package.",
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

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "JDBC URL of the database to read, e.g. jdbc:postgresql://localhost:5432/shop.")
    String url;

    @Option(names = "--username", paramLabel = "U", description = "Database user.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password.")
    String passwordEnv;

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Jars of an extra JDBC driver, separated by "
            + "'${sys:path.separator}'; dir/* means every jar in dir.")
    String classpath;

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
        password = JdbcConnector.password(environment, passwordEnv);
        try (URLClassLoader loader = UserClassPath.loader(classpath, GenerateEntitiesCommand.class.getClassLoader())) {
            DataSource dataSource = JdbcConnector.connect(url, username, password, loader);
            GeneratedEntities generated = generate(dataSource, output);
            report(generated);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry point a database built another way (migrations on embedded engines) plugs into. */
    GeneratedEntities generate(DataSource dataSource, Path sourceRoot) {
        try {
            return EntityGenerator.from(dataSource).inPackage(packageName).writeTo(sourceRoot);
        } catch (EntityGenerationException e) {
            throw new CliException(e.getMessage().replace("Choose another output folder", "Choose another --output"),
                    e);
        }
    }

    private void report(GeneratedEntities generated) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated " + generated.entities().size() + " entities from " + generated.database() + " ("
                + generated.engine() + ") under " + output + ":");
        generated.files().forEach(file -> out.println("  " + file));
        generated.skippedTables().forEach((table, why) -> out.println("Skipped table " + table + ": " + why + "."));
        out.flush();
    }
}
