package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
/**
 * The tool that applies a migration location: a folder means Flyway, a changelog file means Liquibase.
 *
 * <pre>{@code
 * MigrationTool tool = MigrationLocation.parse("classpath:db/changelog/db.changelog-master.yaml").tool(); // LIQUIBASE
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum MigrationTool {
    /** Flyway: a folder of {@code V<version>__<description>.sql} and {@code R__<description>.sql} scripts. */
    FLYWAY("Flyway", "org.flywaydb.core.Flyway", "org.flywaydb:flyway-core"),
    /** Liquibase: a changelog file in XML, YAML, JSON or formatted SQL. */
    LIQUIBASE("Liquibase", "liquibase.Liquibase", "org.liquibase:liquibase-core");

    private final String displayName;
    private final String markerClass;
    private final String coordinates;

    MigrationTool(String displayName, String markerClass, String coordinates) {
        this.displayName = displayName;
        this.markerClass = markerClass;
        this.coordinates = coordinates;
    }

    /** The tool's usual spelling, for messages. */
    public String displayName() {
        return displayName;
    }

    /** A class whose presence on the classpath means the tool is there. */
    String markerClass() {
        return markerClass;
    }

    /** The Maven coordinates ({@code groupId:artifactId}) the user adds to get the tool. */
    public String coordinates() {
        return coordinates;
    }
}
