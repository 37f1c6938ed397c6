package io.github.dbtestkit.schema.tools;

import com.palantir.javapoet.JavaFile;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.schema.internal.actual.ActualSchemaReader;
import io.github.dbtestkit.schema.internal.entities.EntityPlan;
import io.github.dbtestkit.schema.internal.entities.EntityPlanner;
import io.github.dbtestkit.schema.internal.entities.EntitySources;
import io.github.dbtestkit.schema.internal.entities.JavaNames;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes JPA entity skeletons for the tables of a database, like sqlacodegen does for SQLAlchemy: one class per table
 * with {@code @Table}/{@code @Column} names spelt out (no naming strategy needed), Java types the schema check accepts
 * for the columns they came from, {@code @Id} ({@code @IdClass} for composite keys), {@code @GeneratedValue} for
 * identity columns and for sequences, {@code @ManyToOne} for foreign keys, unique constraints and indexes in
 * {@code @Table}, and CHECK constraints as comments. The schema is read by the same catalog reader the schema check
 * uses, so the generated classes validate against the database they came from.
 *
 * <pre>{@code
 * GeneratedEntities out = EntityGenerator.from(dataSource)
 *         .inPackage("com.acme.model")
 *         .writeTo(Path.of("src/main/java")); // src/main/java/com/acme/model/Products.java, ...
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EntityGenerator {

    private final DataSource dataSource;
    private final String packageName;

    private EntityGenerator(DataSource dataSource, String packageName) {
        this.dataSource = dataSource;
        this.packageName = packageName;
    }

    /** A generator for the default schema of the database behind this data source (H2, SQLite or PostgreSQL). */
    public static EntityGenerator from(DataSource dataSource) {
        return new EntityGenerator(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /**
     * The package of the generated classes.
     *
     * @throws IllegalArgumentException when the name is not a Java package name
     */
    public EntityGenerator inPackage(String name) {
        if (!JavaNames.isPackageName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a Java package name: use dot-separated "
                    + "identifiers that are not Java keywords, such as com.acme.model.");
        }
        return new EntityGenerator(dataSource, name);
    }

    /**
     * Reads the schema and renders the sources, without writing anything.
     *
     * @throws EntityGenerationException when the database cannot be read or has no table to generate from
     */
    public GeneratedEntities generate() {
        if (packageName == null) {
            throw new IllegalStateException("No package for the generated entities: call inPackage(\"com.acme.model\")"
                    + " before generate() or writeTo(dir).");
        }
        EngineKind engine;
        String url;
        SchemaModel schema;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            url = Secrets.maskUrl(meta.getURL());
            String product = meta.getDatabaseProductName();
            engine = EngineKind.fromProductName(product).orElseThrow(() -> new EntityGenerationException(
                    "Entity generation supports H2, SQLite and PostgreSQL, but " + url + " is " + product + "."));
            schema = ActualSchemaReader.of(engine).read(connection, Set.of());
        } catch (SQLException e) {
            throw new EntityGenerationException("Cannot read the schema of the database: " + e.getMessage()
                    + " — check that it is running and that the user may read its catalog.", e);
        }
        EntityPlanner.Plan plan = EntityPlanner.plan(engine, schema);
        if (plan.entities().isEmpty()) {
            throw new EntityGenerationException(emptySchema(url, engine, plan.skipped()));
        }
        EntitySources renderer = new EntitySources(engine, packageName);
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> entities = new ArrayList<>();
        for (EntityPlan entity : plan.entities()) {
            entities.add(packageName + "." + entity.className());
            for (JavaFile file : renderer.render(entity)) {
                sources.put(packageName + "." + file.typeSpec().name(), file.toString());
            }
        }
        return new GeneratedEntities(url, engine.displayName(), sources, entities, List.of(), plan.skipped());
    }

    /**
     * Generates the sources and writes them under {@code sourceRoot}, in the package's folders (created as needed);
     * files of the same names are replaced.
     *
     * @param sourceRoot the source root, e.g. {@code src/main/java}
     * @return what was generated, with the files written
     * @throws EntityGenerationException when the database cannot be read, has no table, or a file cannot be written
     */
    public GeneratedEntities writeTo(Path sourceRoot) {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        Path folder = sourceRoot.resolve(packageName == null ? "" : packageName.replace('.', '/'));
        requireWritable(sourceRoot, folder);
        GeneratedEntities generated = generate();
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> source : generated.sources().entrySet()) {
            String simpleName = source.getKey().substring(source.getKey().lastIndexOf('.') + 1);
            Path file = folder.resolve(simpleName + ".java");
            try {
                Files.writeString(file, source.getValue());
            } catch (IOException e) {
                throw new EntityGenerationException("Cannot write " + file + ": " + reason(e)
                        + ". Choose another output folder.", e);
            }
            written.add(file);
        }
        return generated.withFiles(written);
    }

    /** Fails before the database is read when the sources could not be written anyway. */
    private static void requireWritable(Path sourceRoot, Path folder) {
        for (Path existing = folder.toAbsolutePath(); existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                if (!Files.isDirectory(existing)) {
                    throw new EntityGenerationException("Cannot write entity sources under " + sourceRoot + ": "
                            + existing + " is a file, not a folder. Choose another output folder.");
                }
                break;
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EntityGenerationException("Cannot write entity sources under " + sourceRoot + ": cannot create "
                    + "the folder " + folder + " (" + reason(e) + "). Choose another output folder.", e);
        }
        if (!Files.isWritable(folder)) {
            throw new EntityGenerationException("Cannot write entity sources under " + sourceRoot + ": permission "
                    + "denied on " + folder + ". Choose another output folder.");
        }
    }

    private static String emptySchema(String url, EngineKind engine, Map<String, String> skipped) {
        if (skipped.isEmpty()) {
            return "The " + engine.displayName() + " database " + url + " has no tables in its default schema, so "
                    + "there is nothing to generate: point at a database whose migrations have run.";
        }
        StringBuilder message = new StringBuilder("None of the tables of the " + engine.displayName() + " database "
                + url + " can be an entity:");
        skipped.forEach((table, why) -> message.append("\n  ").append(table).append(": ").append(why));
        return message.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
