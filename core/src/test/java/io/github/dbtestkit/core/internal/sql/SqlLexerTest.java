package io.github.dbtestkit.core.internal.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlLexerTest {

    @Test
    void everyTokenKnowsItsKindTextOffsetAndLine() {
        List<SqlToken> tokens = SqlLexer.tokens("select 'a;b', 4.2 -- c\nfrom \"t\";");

        assertThat(tokens).extracting(SqlToken::kind, SqlToken::text, SqlToken::offset, SqlToken::line).containsExactly(
                tuple(SqlToken.Kind.WORD, "select", 0, 1),
                tuple(SqlToken.Kind.WHITESPACE, " ", 6, 1),
                tuple(SqlToken.Kind.STRING, "'a;b'", 7, 1),
                tuple(SqlToken.Kind.PUNCTUATION, ",", 12, 1),
                tuple(SqlToken.Kind.WHITESPACE, " ", 13, 1),
                tuple(SqlToken.Kind.NUMBER, "4.2", 14, 1),
                tuple(SqlToken.Kind.WHITESPACE, " ", 17, 1),
                tuple(SqlToken.Kind.COMMENT, "-- c", 18, 1),
                tuple(SqlToken.Kind.WHITESPACE, "\n", 22, 1),
                tuple(SqlToken.Kind.WORD, "from", 23, 2),
                tuple(SqlToken.Kind.WHITESPACE, " ", 27, 2),
                tuple(SqlToken.Kind.QUOTED_IDENTIFIER, "\"t\"", 28, 2),
                tuple(SqlToken.Kind.PUNCTUATION, ";", 31, 2));
    }

    @Test
    void stringsCommentsAndQuotedIdentifiersAreOneTokenEach() {
        String sql = "E'it\\'s' 'it''s' $$a;b$$ $tag$ $$ $tag$ /* a /* b */ c */ [x y] `a``b` \"q\"\"r\" $1 x$y";

        assertThat(SqlLexer.tokens(sql)).filteredOn(SqlToken::significant).extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(
                        tuple(SqlToken.Kind.STRING, "E'it\\'s'"),
                        tuple(SqlToken.Kind.STRING, "'it''s'"),
                        tuple(SqlToken.Kind.STRING, "$$a;b$$"),
                        tuple(SqlToken.Kind.STRING, "$tag$ $$ $tag$"),
                        tuple(SqlToken.Kind.QUOTED_IDENTIFIER, "[x y]"),
                        tuple(SqlToken.Kind.QUOTED_IDENTIFIER, "`a``b`"),
                        tuple(SqlToken.Kind.QUOTED_IDENTIFIER, "\"q\"\"r\""),
                        tuple(SqlToken.Kind.PUNCTUATION, "$"),
                        tuple(SqlToken.Kind.NUMBER, "1"),
                        tuple(SqlToken.Kind.WORD, "x$y"));
        assertThat(SqlLexer.tokens(sql)).filteredOn(t -> t.kind() == SqlToken.Kind.COMMENT)
                .extracting(SqlToken::text).containsExactly("/* a /* b */ c */");
    }

    @Test
    void quotedIdentifiersLoseTheirQuotesAndUndoubleThem() {
        assertThat(SqlLexer.tokens("[first name] `a``b` \"q\"\"r\" plain")).filteredOn(SqlToken::significant)
                .extracting(SqlToken::identifier).containsExactly("first name", "a`b", "q\"r", "plain");
    }

    @Test
    void aWordEndingInEBeforeAQuoteIsNoEscapeString() {
        assertThat(SqlLexer.tokens("type'x\\'")).extracting(SqlToken::text).containsExactly("type", "'x\\'");
    }

    @Test
    void anUnterminatedStringOrCommentRunsToTheEnd() {
        assertThat(SqlLexer.tokens("select 'open; still")).extracting(SqlToken::text)
                .containsExactly("select", " ", "'open; still");
        assertThat(SqlLexer.tokens("/* open; still")).extracting(SqlToken::kind).containsExactly(SqlToken.Kind.COMMENT);
    }
}
