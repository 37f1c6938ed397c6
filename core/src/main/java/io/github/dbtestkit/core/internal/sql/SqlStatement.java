package io.github.dbtestkit.core.internal.sql;

import org.apiguardian.api.API;

/**
 * One statement of a script.
 *
 * <pre>{@code
 * SqlStatement first = SqlScript.split("insert into t values (1);").get(0); // sql "insert into t values (1)", line 1
 * }</pre>
 *
 * @param sql  its text without the terminating {@code ;} and without comments
 * @param line the 1-based line of its first token
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SqlStatement(String sql, int line) {
}
