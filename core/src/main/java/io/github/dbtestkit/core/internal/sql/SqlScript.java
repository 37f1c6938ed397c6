package io.github.dbtestkit.core.internal.sql;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an SQL script into statements at {@code ;}, on {@link SqlLexer}'s tokens, so that semicolons inside strings,
 * identifiers, comments, dollar-quoted bodies and {@code BEGIN ... END} bodies do not split. A {@code BEGIN} opens a
 * body in a {@code CREATE ... TRIGGER}, {@code FUNCTION} or {@code PROCEDURE} statement (SQLite triggers, procedure
 * bodies) or when followed by {@code ATOMIC} (PostgreSQL's SQL-standard function bodies); {@code CASE ... END} inside
 * a body is counted, so its {@code END} does not close the body, nor do {@code END IF}, {@code END LOOP},
 * {@code END WHILE}, {@code END REPEAT} and {@code END CASE}. A {@code BEGIN} that starts a statement
 * ({@code BEGIN;}, {@code BEGIN TRANSACTION;}) is a transaction, not a body; so is one in {@code CREATE TABLE}, where
 * it can only be a column's name.
 *
 * <pre>{@code
 * for (SqlStatement s : SqlScript.split(script)) statement.execute(s.sql());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlScript {

    /** Words after {@code CREATE} that make a statement one whose {@code BEGIN} opens a body. */
    private static final Set<String> ROUTINES = Set.of("trigger", "function", "procedure");

    /** Words after {@code END} that close a procedural block inside a body, not the body. */
    private static final Set<String> BLOCKS = Set.of("if", "loop", "while", "repeat");

    private SqlScript() {
    }

    /** The statements of {@code script}, in order; comment-only fragments are dropped. */
    public static List<SqlStatement> split(String script) {
        List<SqlToken> tokens = SqlLexer.tokens(script);
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = -1;
        String firstWord = null;
        boolean routine = false;
        int bodies = 0;
        int cases = 0;
        boolean skipCase = false;
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
                routine = false;
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
                    } else if (bodies == 0 && firstWord.equals("create") && ROUTINES.contains(token.lower())) {
                        routine = true;
                    } else if (token.isWord("begin") && (routine || nextWordIs(tokens, i, "atomic"))) {
                        bodies++;
                    } else if (bodies > 0 && token.isWord("case")) {
                        if (skipCase) {
                            skipCase = false;
                        } else {
                            cases++;
                        }
                    } else if (bodies > 0 && token.isWord("end")) {
                        String next = nextWord(tokens, i);
                        if (next.equals("case")) {
                            // END CASE closes a CASE statement; the CASE after it opens nothing
                            cases = Math.max(0, cases - 1);
                            skipCase = true;
                        } else if (!BLOCKS.contains(next)) {
                            if (cases > 0) {
                                cases--;
                            } else {
                                bodies--;
                            }
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
        return nextWord(tokens, from).equals(word);
    }

    /** The next significant token after {@code from} in lower case if it is a word, else {@code ""}. */
    private static String nextWord(List<SqlToken> tokens, int from) {
        for (int i = from + 1; i < tokens.size(); i++) {
            if (tokens.get(i).significant()) {
                return tokens.get(i).kind() == SqlToken.Kind.WORD ? tokens.get(i).lower() : "";
            }
        }
        return "";
    }

    private static void add(List<SqlStatement> statements, StringBuilder current, int startLine) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(new SqlStatement(sql, startLine));
        }
    }
}
