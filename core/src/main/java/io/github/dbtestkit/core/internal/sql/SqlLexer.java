package io.github.dbtestkit.core.internal.sql;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

/**
 * The one SQL lexer of dbtestkit, shared by {@code @Sql} scripts and SQLite's schema reader. It knows {@code --} and
 * (nested) block comments, single-quoted strings with doubled quotes, PostgreSQL {@code E'...'} strings with
 * backslash escapes, dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a parameter), and
 * double-quoted, {@code [bracketed]} and backtick identifiers; a {@code [} right after a word, {@code )} or {@code ]}
 * is a subscript ({@code a[1]}, {@code int[]}), punctuation. An unterminated quote or comment runs to the end.
 *
 * <pre>{@code
 * List<SqlToken> tokens = SqlLexer.tokens("select 'a;b' -- c\n from t;");
 * tokens.stream().filter(SqlToken::significant).map(SqlToken::text).toList(); // [select, 'a;b', from, t, ;]
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlLexer {

    private final String sql;
    private int at;
    private int line = 1;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** Every token of {@code sql}, whitespace and comments included, in order. */
    public static List<SqlToken> tokens(String sql) {
        return new SqlLexer(sql == null ? "" : sql).all();
    }

    private List<SqlToken> all() {
        List<SqlToken> tokens = new ArrayList<>();
        while (at < sql.length()) {
            int start = at;
            int startLine = line;
            SqlToken.Kind kind = next();
            tokens.add(new SqlToken(kind, sql.substring(start, at), start, startLine));
        }
        return tokens;
    }

    private SqlToken.Kind next() {
        char c = sql.charAt(at);
        if (Character.isWhitespace(c)) {
            while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
                advance();
            }
            return SqlToken.Kind.WHITESPACE;
        }
        if (c == '-' && peek(1) == '-') {
            while (at < sql.length() && sql.charAt(at) != '\n') {
                advance();
            }
            return SqlToken.Kind.COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            blockComment();
            return SqlToken.Kind.COMMENT;
        }
        if ((c == 'E' || c == 'e') && peek(1) == '\'' && !wordBefore()) {
            advance();
            quoted('\'', true);
            return SqlToken.Kind.STRING;
        }
        if (c == '\'') {
            quoted('\'', false);
            return SqlToken.Kind.STRING;
        }
        if (c == '"' || c == '`') {
            quoted(c, false);
            return SqlToken.Kind.QUOTED_IDENTIFIER;
        }
        if (c == '[' && !subscript()) {
            until(']');
            return SqlToken.Kind.QUOTED_IDENTIFIER;
        }
        if (c == '$' && dollarQuote()) {
            return SqlToken.Kind.STRING;
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_' || sql.charAt(at) == '$')) {
                advance();
            }
            return SqlToken.Kind.WORD;
        }
        if (Character.isDigit(c)) {
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
                advance();
            }
            return SqlToken.Kind.NUMBER;
        }
        advance();
        return SqlToken.Kind.PUNCTUATION;
    }

    /** Whether a {@code [} right here is an array subscript or type ({@code a[1]}, {@code int[]}), no identifier. */
    private boolean subscript() {
        if (at == 0) {
            return false;
        }
        char before = sql.charAt(at - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == ')' || before == ']' || before == '"';
    }

    private boolean wordBefore() {
        return at > 0 && (Character.isLetterOrDigit(sql.charAt(at - 1)) || sql.charAt(at - 1) == '_');
    }

    private void blockComment() {
        int depth = 0;
        while (at < sql.length()) {
            if (sql.charAt(at) == '/' && peek(1) == '*') {
                depth++;
                advance();
                advance();
            } else if (sql.charAt(at) == '*' && peek(1) == '/') {
                depth--;
                advance();
                advance();
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    /** From an opening quote to its closing one; a doubled quote stands for itself, so does an escaped one. */
    private void quoted(char quote, boolean backslashEscapes) {
        advance();
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (backslashEscapes && c == '\\') {
                advance();
                if (at < sql.length()) {
                    advance();
                }
                continue;
            }
            advance();
            if (c == quote) {
                if (peek(0) == quote) {
                    advance();
                    continue;
                }
                return;
            }
        }
    }

    private void until(char close) {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            advance();
            if (c == close) {
                return;
            }
        }
    }

    /** A dollar quote {@code $tag$...$tag$} from here, if this {@code $} opens one; not {@code $1}. */
    private boolean dollarQuote() {
        int i = at + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$' || (i > at + 1 && Character.isDigit(sql.charAt(at + 1)))) {
            return false;
        }
        String tag = sql.substring(at, i + 1);
        int close = sql.indexOf(tag, i + 1);
        int end = close < 0 ? sql.length() : close + tag.length();
        while (at < end) {
            advance();
        }
        return true;
    }

    private char peek(int ahead) {
        int i = at + ahead;
        return i < sql.length() ? sql.charAt(i) : 0;
    }

    private void advance() {
        if (sql.charAt(at) == '\n') {
            line++;
        }
        at++;
    }
}
