package io.github.dbtestkit.internal.migration.checks;

import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.MigrationChecker;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.internal.migration.CheckResult;
import io.github.dbtestkit.internal.migration.MigrationChecks;
import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationTool;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.internal.setup.EntityResolution;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.core.internal.hibernate.HibernateFactories;
import io.github.dbtestkit.internal.setup.SchemaReportFiles;
import io.github.dbtestkit.internal.setup.SchemaSetup;
import io.github.dbtestkit.schema.DatabaseComparator;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.internal.config.AcceptedRule;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link MigrationChecker} of one test in one engine run of a {@code @DatabaseTest} class: resolves the class's
 * migrations and entities, creates the empty databases each check needs on the run's engine, and drops them on close.
 *
 * <pre>{@code
 * try (EngineMigrationChecker checks = new EngineMigrationChecker(Engine.H2, config, rules, provisioner)) { checks.appliesFromEmpty(); }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EngineMigrationChecker implements MigrationChecker, AutoCloseable {

    private final Engine engine;
    private final io.github.dbtestkit.core.DatabaseProvisioner provisioner;
    private final ClassConfiguration config;
    private final Deque<DatabaseInstance> databases = new ArrayDeque<>();
    private final MigrationChecks checks = MigrationChecks.standard();

    /**
     * Checks of {@code config}'s migrations on {@code engine}, accepting in check 6 the differences the class accepts
     * ({@link ClassConfiguration#accepted()}).
     */
    public EngineMigrationChecker(Engine engine, ClassConfiguration config,
                                  io.github.dbtestkit.core.DatabaseProvisioner provisioner) {
        this.provisioner = provisioner;
        this.engine = engine;
        this.config = config;
    }

    @Override
    public void appliesFromEmpty() {
        checks.appliesFromEmpty(migrations(), emptyDatabase()).assertPassed();
    }

    @Override
    public void appliesOneAtATime() {
        checks.appliesOneAtATime(migrations(), emptyDatabase()).assertPassed();
    }

    @Override
    public void hasNoDuplicateVersions() {
        checks.hasNoDuplicateVersions(migrations(), emptyDatabase()).assertPassed();
    }

    @Override
    public void rollbackRoundTrip() {
        ResolvedMigrations migrations = migrations();
        Assumptions.assumeTrue(migrations.tool() == MigrationTool.LIQUIBASE, () -> migrations.resolvedLocation()
                + " is a Flyway folder: the rollback round trip is a Liquibase check (Flyway's undo migrations are not in"
                + " its free edition).");
        checks.rollbackRoundTrip(migrations, emptyDatabase()).assertPassed();
    }

    @Override
    public void matchesEntities() {
        String check = "after migrating, the schema matches the entities " + entities().names();
        ResolvedMigrations migrations = migrations();
        DataSource database = emptyDatabase();
        List<String> problems = migrate(migrations, database);
        if (problems.isEmpty()) {
            problems = EntityValidation.problems(entities(), config.hibernateProperties(), database);
        }
        new CheckResult(check, migrations.resolvedLocation(), engine, problems).assertPassed();
    }

    @Override
    public void equalsCreateAll() {
        String check = "the migrated schema equals create_all of the entities " + entities().names();
        ResolvedMigrations migrations = migrations();
        DataSource migrated = emptyDatabase();
        new CheckResult(check, migrations.resolvedLocation(), engine, migrate(migrations, migrated)).assertPassed();
        DataSource created = emptyDatabase();
        try (SessionFactory factory = HibernateFactories.build(engine.kind(), serverVersion(created), entities(), created,
                config.hibernateProperties())) {
            factory.getSchemaManager().exportMappedObjects(true);
        } catch (RuntimeException e) {
            throw new AssertionError("create_all of " + entities().names() + " failed on " + engine.displayName()
                    + ", so there is nothing to compare the migrations with: " + e.getMessage(), e);
        }
        SchemaReport report = config.accepted().all().applyTo(comparison(created, migrated));
        String name = "migrations-" + engine.id() + "-" + config.testClass().getSimpleName();
        Optional<Path> written = SchemaReportFiles.write(report, config.settings().reportDir(), name);
        List<String> problems = new ArrayList<>(report.differences().stream().map(CheckResult::line).toList());
        if (!report.differences().isEmpty()) {
            problems.add("Fix the migrations or the entities, or accept a difference on the class with "
                    + "@AcceptedDifference(\"" + AcceptedRule.keyOf(report.differences().get(0))
                    + "\") (engines = ... to limit it)."
                    + written.map(path -> " The full report: " + path.toAbsolutePath() + ".").orElse(""));
        }
        // an @AcceptedDifference that matches nothing fails the check; a baseline file's entries are written for the
        // schema validation too, so those that do not occur here are not a fault of this check
        report.stale().stream().filter(config.accepted()::isAnnotated)
                .forEach(entry -> problems.add(entry.origin() + " does not occur on " + engine.displayName()
                        + ": remove it, or limit it to the engines where it does with engines = {...}."));
        new CheckResult(check, migrations.resolvedLocation(), engine, problems).assertPassed();
    }

    /**
     * The migrated schema against create_all's. SQLite's create_all declares no foreign keys (SQLite cannot add one
     * by ALTER TABLE, so Hibernate emits none), so there the migrations' own foreign keys are not findings.
     */
    private SchemaReport comparison(DataSource createAll, DataSource migrated) {
        SchemaReport report = DatabaseComparator.reference(createAll).against(migrated).compare();
        if (engine != Engine.SQLITE) {
            return report;
        }
        List<Difference> kept = report.differences().stream()
                .filter(d -> d.kind() != DifferenceKind.UNMAPPED_FOREIGN_KEY).toList();
        List<String> notes = new ArrayList<>(report.notes());
        if (kept.size() < report.differences().size()) {
            notes.add("Foreign keys only the migrations declare are not compared on SQLite: Hibernate's create_all"
                    + " emits none there.");
        }
        return new SchemaReport(report.engine(), report.database(), kept, notes);
    }

    private List<String> migrate(ResolvedMigrations migrations, DataSource database) {
        try {
            Migrator.standard().apply(migrations, database);
            return List.of();
        } catch (MigrationException e) {
            return List.of("Applying the migrations failed: " + e.getMessage());
        }
    }

    private ResolvedMigrations migrations() {
        return SchemaSetup.migrationsFor(engine, config);
    }

    private EntitySet entities() {
        EntitySet entities = EntityResolution.resolve(config);
        Assumptions.assumeFalse(entities.isEmpty(), () -> "@DatabaseTest on " + config.testClass().getName()
                + " lists no entities: list them in entities = {...} to compare the migrated schema with them.");
        return entities;
    }

    private DataSource emptyDatabase() {
        String name = "dbt_check_" + engine.id() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        DatabaseInstance instance = provisioner.server(engine.kind()).createDatabase(name);
        databases.push(instance);
        return instance.dataSource();
    }

    private String serverVersion(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new DatabaseTestException("Cannot read the version of " + engine.displayName() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the databases the checks created. */
    @Override
    public void close() {
        while (!databases.isEmpty()) {
            databases.pop().close();
        }
    }
}
