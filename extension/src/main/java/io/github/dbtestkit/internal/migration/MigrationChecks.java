package io.github.dbtestkit.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationRunner;
import io.github.dbtestkit.core.internal.migration.MigrationTool;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.schema.DatabaseComparator;
import io.github.dbtestkit.schema.DatabaseComparator.Snapshot;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in checks of a migration location, each run on a database of its own that starts empty and each
 * collecting every problem it finds into a {@link CheckResult}: the migrations apply from empty, they apply one at a
 * time in order, no version is duplicated, and (Liquibase) a rollback round trip gives back the same schema.
 *
 * <pre>{@code
 * MigrationChecks checks = MigrationChecks.standard();
 * checks.appliesOneAtATime(resolved, emptyDataSource).assertPassed();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MigrationChecks {

    private final Migrator migrator;

    private MigrationChecks(Migrator migrator) {
        this.migrator = migrator;
    }

    /** Checks that use {@link Migrator#standard()}. */
    public static MigrationChecks standard() {
        return new MigrationChecks(Migrator.standard());
    }

    /** Every migration applies, in one go, to the empty database. */
    public CheckResult appliesFromEmpty(ResolvedMigrations migrations, DataSource emptyDatabase) {
        MigrationRunner runner = runnerOnEmpty(migrations, emptyDatabase);
        List<String> problems = new ArrayList<>();
        try {
            runner.migrateAll();
        } catch (MigrationException e) {
            problems.add(e.getMessage());
        }
        return result("every migration applies to an empty database", migrations, problems);
    }

    /**
     * The migrations apply one version at a time, in order, each on top of the last, and each step applies its own
     * version and no later one. Stops at the first step that fails, since later steps would build on it.
     */
    public CheckResult appliesOneAtATime(ResolvedMigrations migrations, DataSource emptyDatabase) {
        MigrationRunner runner = runnerOnEmpty(migrations, emptyDatabase);
        List<String> problems = new ArrayList<>();
        List<String> versions = runner.versions();
        String previous = "an empty database";
        for (int step = 0; step < versions.size(); step++) {
            String version = versions.get(step);
            String where = "Step " + (step + 1) + " of " + versions.size() + " (version " + version + " on top of "
                    + previous + ")";
            try {
                runner.migrateTo(version);
            } catch (MigrationException e) {
                problems.add(where + ": " + e.getMessage());
                break;
            }
            List<String> applied = runner.appliedVersions();
            if (!applied.contains(version)) {
                problems.add(where + ": version " + version + " is not applied afterwards; applied: " + applied + ".");
            }
            List<String> later = versions.subList(step + 1, versions.size()).stream().filter(applied::contains).toList();
            if (!later.isEmpty()) {
                problems.add(where + ": later versions " + later + " were applied too.");
            }
            previous = "version " + version;
        }
        return result("the migrations apply one at a time, in order", migrations, problems);
    }

    /**
     * No two Flyway migrations share a version (Flyway's own resolution decides), and no two Liquibase changesets
     * share id, author and file, or an id (a Liquibase "version").
     */
    public CheckResult hasNoDuplicateVersions(ResolvedMigrations migrations, DataSource database) {
        List<String> problems = migrator.runner(migrations, database).duplicates();
        return result("no two migrations share a version", migrations, problems);
    }

    /**
     * Liquibase only: update, roll back every changeset one at a time (newest first), update again; the schema after
     * rolling everything back must equal the empty one, and the schema after the second update the one after the first.
     *
     * @throws MigrationException for a Flyway location
     */
    public CheckResult rollbackRoundTrip(ResolvedMigrations migrations, DataSource emptyDatabase) {
        String check = "update, roll back one changeset at a time, update again gives the same schema";
        if (migrations.tool() != MigrationTool.LIQUIBASE) {
            throw new MigrationException("The rollback round trip is a Liquibase check: " + migrations.resolvedLocation()
                    + " is a Flyway folder, and Flyway's undo migrations are not in its free edition.");
        }
        MigrationRunner runner = runnerOnEmpty(migrations, emptyDatabase);
        Snapshot empty = snapshot(emptyDatabase);
        List<String> problems = new ArrayList<>();
        try {
            runner.migrateAll();
        } catch (MigrationException e) {
            problems.add("The first update failed: " + e.getMessage());
            return result(check, migrations, problems);
        }
        Snapshot first = snapshot(emptyDatabase);
        List<String> applied = runner.appliedVersions();
        for (int step = applied.size() - 1; step >= 0; step--) {
            try {
                runner.rollbackLast();
            } catch (MigrationException e) {
                problems.add("Rollback step " + (applied.size() - step) + " of " + applied.size() + " (changeset "
                        + applied.get(step) + "): " + e.getMessage());
                return result(check, migrations, problems);
            }
        }
        List<String> leftovers = differences(empty, snapshot(emptyDatabase));
        if (!leftovers.isEmpty()) {
            problems.add("After rolling back all " + applied.size() + " changesets the schema is not empty again"
                    + " (expected: the empty schema; actual: after the rollback):\n      "
                    + String.join("\n      ", leftovers));
        }
        try {
            runner.migrateAll();
        } catch (MigrationException e) {
            problems.add("Updating again after the rollback failed: " + e.getMessage());
            return result(check, migrations, problems);
        }
        List<String> differences = differences(first, snapshot(emptyDatabase));
        if (!differences.isEmpty()) {
            problems.add("After updating again the schema differs from the first update"
                    + " (expected: after the first update; actual: after the round trip):\n      "
                    + String.join("\n      ", differences));
        }
        return result(check, migrations, problems);
    }

    private MigrationRunner runnerOnEmpty(ResolvedMigrations migrations, DataSource database) {
        MigrationRunner runner = migrator.runner(migrations, database);
        Snapshot snapshot = snapshot(database);
        if (!snapshot.isEmpty()) {
            throw new MigrationException("A migration check needs an empty database, but the one given for "
                    + migrations.resolvedLocation() + " on " + migrations.engine().displayName() + " holds the tables "
                    + String.join(", ", snapshot.tables()) + ".");
        }
        return runner;
    }

    private static Snapshot snapshot(DataSource database) {
        try {
            return DatabaseComparator.snapshot(database);
        } catch (RuntimeException e) {
            throw new MigrationException("Cannot read the schema to compare it: " + Messages.chain(e), e);
        }
    }

    /** Every finding of {@code now} against {@code before}, one line each. */
    private static List<String> differences(Snapshot before, Snapshot now) {
        return DatabaseComparator.reference(before).against(now).compare().differences().stream()
                .map(CheckResult::line).toList();
    }

    private static CheckResult result(String check, ResolvedMigrations migrations, List<String> problems) {
        return new CheckResult(check, migrations.resolvedLocation(), io.github.dbtestkit.Engine.of(migrations.engine()), problems);
    }
}
