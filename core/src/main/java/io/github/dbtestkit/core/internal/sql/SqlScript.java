package io.github.dbtestkit.core.internal.sql;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at {@code ;}, on {@link SqlLexer}'s tokens, so that semicolons inside strings,
 * identifiers, comments, dollar-quoted bodies and {@code BEGIN ... END} bodies do not split. A {@code BEGIN} opens a
 * body when it follows {@code CREATE} in the same statement (SQLite triggers, procedure bodies) or is followed by
 * {@code ATOMIC} (PostgreSQL's SQL-standard function bodies); {@code CASE ... END} inside a body is counted, so its
 * {@code END} does not close the body. A {@code BEGIN} that starts a statement ({@code BEGIN;},
 * {@code BEGIN TRANSACTION;}) is a transaction, not a body.
 *
 * <pre>{@code
 * for (SqlStatement s : SqlScript.split(script)) statement.execute(s.sql());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code script}, in order; comment-only fragments are dropped. */
    public static List<SqlStatement> split(String script) {
        List<SqlToken> tokens = SqlLexer.tokens(script);
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = -1;
        String firstWord = null;
        int bodies = 0;
        int cases = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.COMMENT) {
                // a block comment may have stood between two words: keep them apart
                current.append(token.text().startsWith("/*") ? " " : "");
                continue;
            }
            if (token.is(';') && bodies == 0) {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                firstWord = null;
                cases = 0;
                continue;
            }
            if (token.significant()) {
                if (startLine < 0) {
                    startLine = token.line();
                }
                if (token.kind() == SqlToken.Kind.WORD) {
                    if (firstWord == null) {
                        firstWord = token.lower();
                    } else if (token.isWord("begin") && (firstWord.equals("create") || nextWordIs(tokens, i, "atomic"))) {
                        bodies++;
                    } else if (bodies > 0 && token.isWord("case")) {
                        cases++;
                    } else if (bodies > 0 && token.isWord("end")) {
                        if (cases > 0) {
                            cases--;
                        } else {
                            bodies--;
                        }
                    }
                }
            }
            current.append(token.text());
        }
        add(statements, current, startLine);
        return statements;
    }

    private static boolean nextWordIs(List<SqlToken> tokens, int from, String word) {
        for (int i = from + 1; i < tokens.size(); i++) {
            if (tokens.get(i).significant()) {
                return tokens.get(i).isWord(word);
            }
        }
        return false;
    }

    private static void add(List<SqlStatement> statements, StringBuilder current, int startLine) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(new SqlStatement(sql, startLine));
        }
    }
}
