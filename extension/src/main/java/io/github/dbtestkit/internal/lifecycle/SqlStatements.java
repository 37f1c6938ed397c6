package io.github.dbtestkit.internal.lifecycle;

import org.apiguardian.api.API;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at {@code ;}, keeping the line each starts on for error messages. Understands
 * {@code --} and block comments, single- and double-quoted text and PostgreSQL dollar quotes ({@code $$...$$},
 * {@code $tag$...$tag$}), so function bodies stay whole.
 *
 * <pre>{@code
 * for (SqlStatements.Statement s : SqlStatements.split(script)) statement.execute(s.sql());
 * }</pre>
 *
 * <p>Hibernate's script extractor drops line numbers and does not know dollar quotes, hence this small scanner.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlStatements {

    /**
     * One statement.
     *
     * @param sql  its text, without the terminating {@code ;}
     * @param line the 1-based line it starts on
     */
    public record Statement(String sql, int line) {
    }

    private SqlStatements() {
    }

    /** The statements of {@code script}, comments-only fragments dropped. */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(script, i, end);
                current.append(' ');
                i = end;
                continue;
            }
            if (c == ';') {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = closingQuote(script, i, c);
            } else if (c == '$') {
                end = dollarQuoteEnd(script, i);
            }
            current.append(script, i, end);
            line += count(script, i, end);
            i = end;
        }
        add(statements, current, startLine);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder current, int startLine) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(new Statement(sql, startLine));
        }
    }

    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2; // doubled quote stands for itself
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static int dollarQuoteEnd(String script, int start) {
        int i = start + 1;
        while (i < script.length() && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_')) {
            i++;
        }
        if (i >= script.length() || script.charAt(i) != '$' || (i > start + 1 && Character.isDigit(script.charAt(start + 1)))) {
            return start + 1; // a positional parameter such as $1, not a quote
        }
        String tag = script.substring(start, i + 1);
        int close = script.indexOf(tag, i + 1);
        return close < 0 ? script.length() : close + tag.length();
    }

    private static int count(String script, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (script.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
