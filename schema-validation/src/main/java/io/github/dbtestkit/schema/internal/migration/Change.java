package io.github.dbtestkit.schema.internal.migration;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * One step of a fix-up migration: the statements that fix one difference, and the comment lines that explain it.
 * A step that would drop, narrow or otherwise risk data is {@code commentedOut}: written for a person to review,
 * never run by the migration tool.
 *
 * <pre>{@code
 * Change c = Change.apply(Change.Phase.COLUMN, "posts.body", List.of("alter table posts add column body varchar(255)"));
 * }</pre>
 *
 * @param phase        where it goes in the script (tables before the keys that reference them)
 * @param about        what it fixes, {@code table} or {@code table.column}
 * @param comments     lines written above the statements, without {@code --}
 * @param statements   the SQL, without the trailing {@code ;}
 * @param commentedOut whether the statements are written as comments
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Change(Phase phase, String about, List<String> comments, List<String> statements, boolean commentedOut) {

    /** The script's sections, in the order they are written. */
    public enum Phase { SEQUENCE, TABLE, COLUMN, ALTER_COLUMN, PRIMARY_KEY, UNIQUE_KEY, INDEX, FOREIGN_KEY, REVIEW }

    /** Copies the lists. */
    public Change {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(about, "about");
        comments = List.copyOf(comments);
        statements = List.copyOf(statements);
    }

    /** Statements the migration runs. */
    public static Change apply(Phase phase, String about, List<String> statements) {
        return new Change(phase, about, List.of(), statements, false);
    }

    /** Statements the migration runs, with an explanation above them. */
    public static Change apply(Phase phase, String about, List<String> comments, List<String> statements) {
        return new Change(phase, about, comments, statements, false);
    }

    /** Statements left for a person, behind a {@code WARNING:} line saying why. */
    public static Change review(String about, String warning, List<String> statements) {
        return new Change(Phase.REVIEW, about, List.of("WARNING: " + warning), statements, true);
    }
}
