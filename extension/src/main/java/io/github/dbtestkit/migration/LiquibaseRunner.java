package io.github.dbtestkit.migration;

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
        return changeSets().stream().map(ChangeSetId::id).toList();
    }

    @Override
    public List<String> appliedVersions() {
        List<ChangeSetId> pending = pending();
        return changeSets().stream().filter(changeSet -> !pending.contains(changeSet)).map(ChangeSetId::id).toList();
    }

    @Override
    public void migrateAll() {
        execute("apply", liquibase -> {
            liquibase.update(new Contexts(), new LabelExpression());
            return null;
        });
    }

    @Override
    public void migrateTo(String version) {
        List<ChangeSetId> all = changeSets();
        long sharing = all.stream().filter(changeSet -> changeSet.id().equals(version)).count();
        if (sharing > 1) {
            throw new MigrationException("Changeset id '" + version + "' is used by " + sharing + " changesets in "
                    + migrations.resolvedLocation() + ", so it does not name one version: give each changeset its own id.");
        }
        List<ChangeSetId> pending = pending();
        int count = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).id().equals(version)) {
                count = i + 1;
                break;
            }
        }
        if (count == 0) {
            return; // already applied: like Flyway, migrating to a version at or below the current one does nothing
        }
        int changeSets = count;
        execute("apply", liquibase -> {
            liquibase.update(changeSets, new Contexts(), new LabelExpression());
            return null;
        });
    }

    /** Every changeset that applies to this engine, in order, whatever its id. */
    List<ChangeSetId> changeSets() {
        return execute("read", liquibase -> {
            DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
            DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(liquibase.getDatabase());
            return changeLog.getChangeSets().stream()
                    .filter(changeSet -> dbms.accepts(changeSet).isAccepted())
                    .map(LiquibaseRunner::idOf)
                    .toList();
        });
    }

    /** Every changeset of the changelog, for any engine, in order: duplicates are looked for here. */
    List<ChangeSetId> allChangeSets() {
        return execute("read", liquibase -> liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .map(LiquibaseRunner::idOf)
                .toList());
    }

    @Override
    public void rollbackLast() {
        execute("roll back the last changeset of", liquibase -> {
            liquibase.rollback(1, (String) null);
            return null;
        });
    }

    private List<ChangeSetId> pending() {
        return execute("read", liquibase -> liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                .map(LiquibaseRunner::idOf)
                .toList());
    }

    @Override
    public List<String> duplicates() {
        List<String> problems = new ArrayList<>();
        Map<ChangeSetId, Long> identities = allChangeSets().stream()
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
