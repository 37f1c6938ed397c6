package io.github.dbtestkit.core.internal.migration;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Liquibase on one database. A "version" is a changeset id: {@link #versions()} lists the ids of the changesets that
 * apply to this engine ({@code dbms}), in changelog order, and {@code migrateTo(id)} applies the pending changesets up
 * to and including that one.
 */
final class LiquibaseRunner implements MigrationRunner {

    private final ResolvedMigrations migrations;
    private final DataSource dataSource;

    LiquibaseRunner(ResolvedMigrations migrations, DataSource dataSource) {
        this.migrations = migrations;
        this.dataSource = dataSource;
    }

    /** A changeset as the user wrote it, detached from Liquibase's objects. */
    record ChangeSetId(String file, String id, String author) {
        @Override
        public String toString() {
            return file + "::" + id + "::" + author;
        }
    }

    @Override
    public List<String> versions() {
        return execute("read", liquibase -> ids(changeSets(liquibase)));
    }

    @Override
    public List<String> appliedVersions() {
        return execute("read", liquibase -> {
            List<ChangeSetId> pending = pending(liquibase);
            return ids(changeSets(liquibase).stream().filter(changeSet -> !pending.contains(changeSet)).toList());
        });
    }

    @Override
    public void migrateAll() {
        execute("apply", liquibase -> {
            liquibase.update(new Contexts(), new LabelExpression());
            return null;
        });
    }

    /** One session: list, check and apply, so that the changelog is parsed once. */
    @Override
    public void migrateTo(String version) {
        execute("apply", liquibase -> {
            List<String> versions = ids(changeSets(liquibase));
            if (!versions.contains(version)) {
                throw MigrationRunner.unknownVersion(version, versions, migrations);
            }
            long sharing = versions.stream().filter(version::equals).count();
            if (sharing > 1) {
                throw new MigrationException("Changeset id '" + version + "' is used by " + sharing + " changesets in "
                        + migrations.resolvedLocation() + ", so it does not name one version: give each changeset its own id.");
            }
            List<ChangeSetId> pending = pending(liquibase);
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).id().equals(version)) {
                    liquibase.update(i + 1, new Contexts(), new LabelExpression());
                    return null;
                }
            }
            return null; // already applied: like Flyway, migrating to a version at or below the current one does nothing
        });
    }

    @Override
    public void rollbackLast() {
        execute("roll back the last changeset of", liquibase -> {
            liquibase.rollback(1, (String) null);
            return null;
        });
    }

    /** Every changeset that applies to this engine ({@code dbms}), in order, whatever its id. */
    private static List<ChangeSetId> changeSets(Liquibase liquibase) throws LiquibaseException {
        DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(liquibase.getDatabase());
        return liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .filter(changeSet -> dbms.accepts(changeSet).isAccepted())
                .map(LiquibaseRunner::idOf)
                .toList();
    }

    private static List<ChangeSetId> pending(Liquibase liquibase) throws LiquibaseException {
        return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                .map(LiquibaseRunner::idOf)
                .toList();
    }

    private static List<String> ids(List<ChangeSetId> changeSets) {
        return changeSets.stream().map(ChangeSetId::id).toList();
    }

    @Override
    public List<String> duplicates() {
        List<String> problems = new ArrayList<>();
        // Every changeset, for any engine: a duplicate is a defect even where a dbms filter hides one copy.
        List<ChangeSetId> all = execute("read", liquibase -> liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .map(LiquibaseRunner::idOf)
                .toList());
        Map<ChangeSetId, Long> identities = all.stream()
                .collect(Collectors.groupingBy(changeSet -> changeSet, LinkedHashMap::new, Collectors.counting()));
        identities.forEach((changeSet, count) -> {
            if (count > 1) {
                problems.add("Changeset " + changeSet + " appears " + count + " times: Liquibase refuses a changelog "
                        + "whose changesets share id, author and file; give each its own id.");
            }
        });
        Map<String, List<ChangeSetId>> ids = identities.keySet().stream()
                .collect(Collectors.groupingBy(ChangeSetId::id, LinkedHashMap::new, Collectors.toList()));
        ids.forEach((id, changeSets) -> {
            if (changeSets.size() > 1) {
                problems.add("Changeset id " + id + " is used by " + changeSets.size() + " changesets ("
                        + changeSets.stream().map(ChangeSetId::toString).collect(Collectors.joining(", "))
                        + "): as a version it names none of them; give each its own id.");
            }
        });
        return problems;
    }

    private <T> T execute(String operation, LiquibaseSession.Work<T> work) {
        FailureListener listener = new FailureListener();
        try {
            return LiquibaseSession.run(migrations, dataSource, liquibase -> {
                liquibase.setChangeExecListener(listener);
                return work.run(liquibase);
            });
        } catch (LiquibaseException e) {
            throw LiquibaseFailures.translate(e, operation, listener.failures, migrations);
        }
    }

    private static ChangeSetId idOf(ChangeSet changeSet) {
        return new ChangeSetId(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }

    /** Catches the changeset Liquibase was running when it failed: its exceptions carry only a display name. */
    static final class FailureListener extends AbstractChangeExecListener {

        final List<LiquibaseFailures.Failed> failures = new ArrayList<>();

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                              Exception exception) {
            failures.add(new LiquibaseFailures.Failed(idOf(changeSet), false, exception));
        }

        @Override
        public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                                   Exception exception) {
            failures.add(new LiquibaseFailures.Failed(idOf(changeSet), true, exception));
        }
    }
}
