package io.github.dbtestkit.schema.internal.migration;

import org.apiguardian.api.API;

import java.util.List;

/**
 * Writes the steps of a fix-up migration as one SQL script: a header that says where it came from, then each step's
 * comment lines and statements, the ones to review as {@code --} comments. For Liquibase the script is a formatted
 * SQL changelog with one changeset.
 *
 * <pre>{@code
 * String sql = ScriptRenderer.render(header, changes, "dbtestkit:3-add_phone");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScriptRenderer {

    private ScriptRenderer() {
    }

    /**
     * @param header    lines for the top of the script, without {@code --}
     * @param changes   the steps, in script order
     * @param changeset {@code author:id} of the Liquibase changeset, or {@code null} for a Flyway script
     */
    public static String render(List<String> header, List<Change> changes, String changeset) {
        StringBuilder out = new StringBuilder();
        if (changeset != null) {
            out.append("-- liquibase formatted sql\n\n");
        }
        header.forEach(line -> out.append("-- ").append(line).append('\n'));
        if (changeset != null) {
            out.append("\n-- changeset ").append(changeset).append('\n');
        }
        for (Change change : changes) {
            out.append('\n');
            change.comments().forEach(line -> out.append("-- ").append(line).append('\n'));
            for (String statement : change.statements()) {
                out.append(change.commentedOut() ? "-- " : "").append(statement.strip()).append(";\n");
            }
        }
        return out.toString();
    }
}
