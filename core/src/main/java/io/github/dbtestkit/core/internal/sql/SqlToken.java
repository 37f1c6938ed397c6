package io.github.dbtestkit.core.internal.sql;

import org.apiguardian.api.API;

import java.util.Locale;

/**
 * One token of an SQL script, with where it stands.
 *
 * <pre>{@code
 * for (SqlToken t : SqlLexer.tokens(sql)) if (t.isWord("check")) ...
 * }</pre>
 *
 * @param kind   what it is
 * @param text   its text as written, quotes included
 * @param offset where it starts in the script, 0-based
 * @param line   the line it starts on, 1-based
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SqlToken(Kind kind, String text, int offset, int line) {

    /** What a token is. */
    public enum Kind {
        /** A keyword or unquoted identifier: {@code SELECT}, {@code users}. */
        WORD,
        /** {@code "name"}, {@code [name]} or {@code `name`}. */
        QUOTED_IDENTIFIER,
        /** {@code 'text'}, {@code E'te\'xt'} or a dollar-quoted {@code $tag$ ... $tag$}. */
        STRING,
        /** {@code 42}, {@code 3.14}. */
        NUMBER,
        /** Any other single character: {@code ;}, {@code (}, {@code ,}. */
        PUNCTUATION,
        /** {@code -- ...} or a block comment. */
        COMMENT,
        /** Spaces, tabs and line breaks. */
        WHITESPACE
    }

    /** Whether this is the word {@code word}, ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is the punctuation character {@code c}. */
    public boolean is(char c) {
        return kind == Kind.PUNCTUATION && text.length() == 1 && text.charAt(0) == c;
    }

    /** Whether it carries meaning (not whitespace or a comment). */
    public boolean significant() {
        return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    /** An identifier's name without its quotes, as written (case kept); a word as written. */
    public String identifier() {
        if (kind == Kind.QUOTED_IDENTIFIER && text.length() >= 2) {
            String inner = text.substring(1, text.length() - 1);
            return switch (text.charAt(0)) {
                case '"' -> inner.replace("\"\"", "\"");
                case '`' -> inner.replace("``", "`");
                default -> inner;
            };
        }
        return text;
    }

    /** The word in lower case, for keyword checks. */
    public String lower() {
        return text.toLowerCase(Locale.ROOT);
    }
}
