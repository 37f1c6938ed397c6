package io.github.dbtestkit.schema.internal.build;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What builds the schema of a database that {@link EngineDatabases} creates on an embedded engine: the project's
 * migrations, the entities' own DDL (create_all), or plain DDL files such as Spring's {@code schema.sql}.
 *
 * <pre>{@code
 * SchemaSource source = new SchemaSource.Migrations("classpath:db/migration/{engine}");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface SchemaSource {

    /** How the source reads in messages and report headings: {@code migrations classpath:db/migration}. */
    String describe();

    /**
     * Flyway or Liquibase migrations, located as {@code @DatabaseTest(migrations)} locates them.
     *
     * @param location {@code classpath:} or {@code filesystem:}, optionally with {@code {engine}}
     */
    record Migrations(String location) implements SchemaSource {
        /** Checks for null. */
        public Migrations {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String describe() {
            return "migrations " + location;
        }
    }

    /** Hibernate's create_all for the entities, with the engine's dialect. */
    record CreateAll() implements SchemaSource {
        @Override
        public String describe() {
            return "create_all";
        }
    }

    /**
     * Plain SQL files run in order, split into statements as {@code @Sql} scripts are.
     *
     * @param files the files, in the order to run them
     */
    record SqlFiles(List<Path> files) implements SchemaSource {
        /** Copies the list. */
        public SqlFiles {
            files = List.copyOf(files);
        }

        @Override
        public String describe() {
            return String.join(", ", files.stream().map(Path::toString).toList());
        }
    }
}
