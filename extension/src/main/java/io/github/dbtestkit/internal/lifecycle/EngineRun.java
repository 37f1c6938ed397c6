package io.github.dbtestkit.internal.lifecycle;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.internal.migration.CheckResult;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.SchemaReport;
import java.util.List;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.internal.setup.PreparedDatabase;
import io.github.dbtestkit.internal.setup.SchemaReportFiles;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.internal.setup.SchemaSetup;

/**
 * One run of a {@code @DatabaseTest} class on one engine: its configuration and, once prepared, its database.
 * A failure to prepare is kept and reported by every test of the run, so each shows why it could not run.
 *
 * <pre>{@code
 * EngineRun run = new EngineRun(Engine.H2, config, provisioner); PreparedDatabase db = run.database();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EngineRun {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRun.class);
    /** How many errors a failing test's message lists before pointing to the report. */
    private static final int SHOWN = 5;

    private final Engine engine;
    private final ClassConfiguration config;
    private final DatabaseProvisioner provisioner;
    private final List<EngineRun> classRuns;
    private PreparedDatabase database;
    private PreparedDatabase attempted;
    private SchemaCheck schemaCheck;
    private RuntimeException failure;
    private boolean finished;
    private int borrowers;

    /**
     * What the schema validation of a run found, for the run report.
     *
     * @param errors   how many errors (after the class's accepted differences)
     * @param warnings how many warnings
     * @param report   the text report's file
     */
    public record SchemaCheck(int errors, int warnings, java.nio.file.Path report) {
    }

    /** A run of {@code config}'s class on {@code engine}, on its own (its class has no other runs it knows of). */
    public EngineRun(Engine engine, ClassConfiguration config, DatabaseProvisioner provisioner) {
        this(engine, config, provisioner, null);
    }

    private EngineRun(Engine engine, ClassConfiguration config, DatabaseProvisioner provisioner, List<EngineRun> classRuns) {
        this.engine = engine;
        this.config = config;
        this.provisioner = provisioner;
        this.classRuns = classRuns == null ? List.of(this) : classRuns;
    }

    /** The runs of {@code config}'s class, one per engine it runs on in this run, in order; each knows the others. */
    public static List<EngineRun> allOf(ClassConfiguration config, DatabaseProvisioner provisioner) {
        List<EngineRun> runs = new java.util.ArrayList<>();
        List<EngineRun> view = java.util.Collections.unmodifiableList(runs);
        config.engines().forEach(engine -> runs.add(new EngineRun(engine, config, provisioner, view)));
        return view;
    }

    /** Every run of this run's class (this one included), in engine order: what a cross-engine test compares. */
    public List<EngineRun> classRuns() {
        return classRuns;
    }

    /** The run's owner of servers and prepared databases. */
    public DatabaseProvisioner provisioner() {
        return provisioner;
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** The class's configuration. */
    public ClassConfiguration config() {
        return config;
    }

    /**
     * With {@code validateSchema} (the default), entities must match a schema the project owns (MIGRATIONS or NONE);
     * create_all's schema is the entities' own, so there is nothing to compare.
     */
    private void checkSchema(PreparedDatabase prepared) {
        SchemaMode mode = prepared.key().mode();
        if (!config.validateSchema() || mode == SchemaMode.CREATE_ALL || prepared.entities().isEmpty()) {
            return;
        }
        SchemaReport report = config.accepted().all().applyTo(prepared.schemaReport());
        java.nio.file.Path reportFile = prepared.schemaReportFile();
        if (!report.accepted().isEmpty() || !report.stale().isEmpty()) {
            // the prepared database's report is shared by every class that asks for the same schema; this class's
            // view of it, with what it accepts, gets a file of its own
            reportFile = SchemaReportFiles.write(report, config.settings().reportDir(), classReportName(prepared))
                    .orElse(reportFile);
            report.stale().forEach(entry -> LOG.warn("dbtestkit: {} accepts {} on {}, which does not occur on {}: "
                    + "remove it, or limit it to the engines where it occurs (\"engines\": [...], or "
                    + "@AcceptedDifference(engines = ...))", entry.origin(), entry.kind(),
                    entry.column() == null ? entry.table() : entry.table() + "." + entry.column(), engine.displayName()));
        }
        schemaCheck = new SchemaCheck(report.differences(Severity.ERROR).size(), report.differences(Severity.WARNING).size(),
                reportFile);
        if (report.hasErrors()) {
            String hint = mode == SchemaMode.NONE
                    ? "schema = NONE starts from an empty database: use CREATE_ALL or MIGRATIONS, or set"
                      + " @DatabaseTest(validateSchema = false) when the tests create the tables themselves"
                    : "fix the migrations or the entities, or set @DatabaseTest(validateSchema = false) to run anyway";
            throw new DatabaseTestException("The entities of " + config.testClass().getName() + " do not match the "
                    + mode + " schema on " + engine.displayName() + ": " + counts(report) + " (" + hint + ")."
                    + " The full report: " + reportFile.toAbsolutePath() + firstFindings(report));
        }
    }

    /** {@code schema-h2-3f9a12c0d1-OwnerTest}: the shared report's name and the class's. */
    private String classReportName(PreparedDatabase prepared) {
        String file = prepared.schemaReportFile().getFileName().toString();
        return file.substring(0, file.length() - ".txt".length()) + "-" + config.testClass().getSimpleName();
    }

    private static String counts(SchemaReport report) {
        int errors = report.differences(Severity.ERROR).size();
        int warnings = report.differences(Severity.WARNING).size();
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    /** The hint, and the first errors, one line each, so that a failing test says enough without the whole report. */
    private static String firstFindings(SchemaReport report) {
        StringBuilder out = new StringBuilder();
        report.hints().forEach(hint -> out.append("\n  Hint: ").append(hint));
        List<Difference> errors = report.differences(Severity.ERROR);
        errors.stream().limit(SHOWN).forEach(d -> out.append("\n  - ").append(CheckResult.line(d)));
        if (errors.size() > SHOWN) {
            out.append("\n  - ... and ").append(errors.size() - SHOWN).append(" more errors in the report");
        }
        return out.toString();
    }

    /**
     * The database as prepared, even when its schema check then failed the run; empty before {@link #database()} or
     * when preparing itself failed.
     */
    public synchronized java.util.Optional<PreparedDatabase> prepared() {
        return java.util.Optional.ofNullable(attempted);
    }

    /** What the schema validation found; empty when it did not run (create_all, no entities, validateSchema off). */
    public synchronized java.util.Optional<SchemaCheck> schemaCheck() {
        return java.util.Optional.ofNullable(schemaCheck);
    }

    /**
     * Releases the run's database if no other class can use it (schema or isolation NONE): its connections, factory and
     * database are released when this class ends instead of when the run ends. Shared databases stay.
     */
    public synchronized void finish() {
        finished = true;
        releaseIfDone();
    }

    /**
     * The prepared database, for a cross-engine test of another run of the class: it stays prepared until
     * {@link #giveBack()}, even when this run finishes first (runs of a class may end in any order under parallel
     * execution).
     *
     * @throws DatabaseTestException as {@link #database()}
     */
    public synchronized PreparedDatabase borrow() {
        PreparedDatabase prepared = database();
        borrowers++;
        return prepared;
    }

    /** Ends a {@link #borrow()}; the last one releases a database only this class could use if the run has finished. */
    public synchronized void giveBack() {
        borrowers--;
        releaseIfDone();
    }

    private void releaseIfDone() {
        if (finished && borrowers == 0 && database != null && database.key().sharing().owned()) {
            provisioner.prepared().release(database.key());
        }
    }

    /**
     * The prepared database, preparing it on first call (engine started, schema applied, both kept by the run's provisioner).
     *
     * @throws DatabaseTestException if preparing failed, now or on an earlier call
     */
    public synchronized PreparedDatabase database() {
        if (database != null) {
            return database;
        }
        if (failure == null) {
            try {
                PreparedDatabase prepared = SchemaSetup.prepare(engine, config, provisioner);
                attempted = prepared;
                if (config.settings().backgroundSessionFactory() && JpaParameters.declaredBy(config.testClass())) {
                    // overlaps the schema check and whatever runs before the first test that takes an EntityManager
                    prepared.buildSessionFactoryInBackground();
                }
                checkSchema(prepared);
                database = prepared;
                return database;
            } catch (DatabaseTestException e) {
                failure = e;
            } catch (io.github.dbtestkit.core.ProvisioningException e) {
                // core's failures reach users as the extension's documented exception, with the same message
                failure = new DatabaseTestException(e.getMessage(), e);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure instanceof DatabaseTestException d ? new DatabaseTestException(d.getMessage(), d) : failure;
    }
}
