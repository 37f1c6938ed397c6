package io.github.dbtestkit.core.internal.hibernate;

import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite DATE values are ISO text; reading accepts a time after the date, as other writers leave it. */
class SqliteDateJdbcTypeTest {

    @Test
    void writesIsoDateText() {
        assertThat(SqliteDateJdbcType.text(Date.valueOf(LocalDate.of(2000, 9, 7)))).isEqualTo("2000-09-07");
    }

    @Test
    void readsIsoDatesWithOrWithoutATime() throws SQLException {
        LocalDate expected = LocalDate.of(2000, 9, 7);

        assertThat(SqliteDateJdbcType.parse("2000-09-07").toLocalDate()).isEqualTo(expected);
        assertThat(SqliteDateJdbcType.parse("2000-09-07 00:00:00.000").toLocalDate()).isEqualTo(expected);
        assertThat(SqliteDateJdbcType.parse("2000-09-07T10:15:30").toLocalDate()).isEqualTo(expected);
        assertThat(SqliteDateJdbcType.parse(" 2000-09-07 ").toLocalDate()).isEqualTo(expected);
        assertThat(SqliteDateJdbcType.parse("")).isNull();
    }

    @Test
    void textThatIsNoIsoDateFailsNamingTheValueAndTheExpectedForm() {
        assertThatThrownBy(() -> SqliteDateJdbcType.parse("07/09/2000"))
                .isInstanceOf(SQLException.class)
                .hasMessage("Cannot read '07/09/2000' as a SQLite DATE: expected ISO text such as '2000-09-07'"
                        + " (optionally followed by a time), as SQLite's date() writes it.");
        assertThatThrownBy(() -> SqliteDateJdbcType.parse("2000-13-07"))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("Cannot read '2000-13-07' as a SQLite DATE: ");
    }
}
