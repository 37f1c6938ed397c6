package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * One database an engine's classes ran on: its URL, how its schema was built, and what the schema validation found.
 *
 * <pre>{@code
 * new SchemaSetup("jdbc:h2:mem:dbt_h2_1a2b", "MIGRATIONS", "classpath:db/migration", "9f3c...", new Validation(0, 1, "schema-h2-1a2b.txt"));
 * }</pre>
 *
 * @param jdbcUrl    the database's JDBC URL, user info and passwords masked
 * @param mode       {@code CREATE_ALL}, {@code MIGRATIONS} or {@code NONE}
 * @param migrations the migrations' location, {@code null} unless MIGRATIONS
 * @param checksum   the migrations' checksum, {@code null} unless MIGRATIONS
 * @param validation what the schema validation found, {@code null} when it did not run
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaSetup(String jdbcUrl, String mode, String migrations, String checksum, Validation validation) {

    /**
     * The schema validation's result.
     *
     * <pre>{@code
     * new Validation(2, 0, "/build/target/dbtestkit/schema-postgresql-3f9a12c0d1.txt")
     * }</pre>
     *
     * @param errors   how many errors
     * @param warnings how many warnings
     * @param report   the text report's file (absolute), the other formats beside it
     */
    public record Validation(int errors, int warnings, String report) {
    }
}
