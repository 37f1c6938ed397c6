package io.github.dbtestkit.schema.tools;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link EntityGenerator} produced: the classes and their sources, the files written (empty until
 * {@link EntityGenerator#writeTo(Path)}), and the tables it left out, each with the reason.
 *
 * <pre>{@code
 * GeneratedEntities out = EntityGenerator.from(dataSource).inPackage("com.acme.model").writeTo(Path.of("src/main/java"));
 * out.files().forEach(System.out::println);
 * }</pre>
 *
 * @param database      the database's URL, without credentials
 * @param engine        the engine's name, e.g. {@code PostgreSQL}
 * @param sources       each class's fully qualified name and Java source, entities in table order
 * @param entities      the fully qualified names of the {@code @Entity} classes (id classes are only in sources)
 * @param files         the files written, in the order of {@code sources}
 * @param skippedTables tables not generated, each with the reason
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GeneratedEntities(String database, String engine, Map<String, String> sources, List<String> entities,
                                List<Path> files, Map<String, String> skippedTables) {

    /** Copies the collections, keeping their order. */
    public GeneratedEntities {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        entities = List.copyOf(entities);
        files = List.copyOf(files);
        skippedTables = Collections.unmodifiableMap(new LinkedHashMap<>(skippedTables));
    }

    GeneratedEntities withFiles(List<Path> written) {
        return new GeneratedEntities(database, engine, sources, entities, written, skippedTables);
    }
}
