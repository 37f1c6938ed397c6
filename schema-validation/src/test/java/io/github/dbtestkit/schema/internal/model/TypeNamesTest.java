package io.github.dbtestkit.schema.internal.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypeNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "character varying(255)       | VARCHAR      | 255 | -  | -",
            "CHARACTER VARYING            | VARCHAR      | -   | -  | -",
            "varchar(100)                 | VARCHAR      | 100 | -  | -",
            "bpchar                       | CHAR         | -   | -  | -",
            "text                         | TEXT         | -   | -  | -",
            "CHARACTER LARGE OBJECT       | TEXT         | -   | -  | -",
            "numeric(10,2)                | DECIMAL      | -   | 10 | 2",
            "NUMERIC(8)                   | DECIMAL      | -   | 8  | 0",
            "numeric                      | DECIMAL      | -   | -  | -",
            "int4                         | INTEGER      | -   | -  | -",
            "int8                         | BIGINT       | -   | -  | -",
            "bigserial                    | BIGINT       | -   | -  | -",
            "serial                       | INTEGER      | -   | -  | -",
            "bool                         | BOOLEAN      | -   | -  | -",
            "DOUBLE PRECISION             | DOUBLE       | -   | -  | -",
            "float(24)                    | REAL         | -   | -  | -",
            "float(53)                    | DOUBLE       | -   | -  | -",
            "timestamp(6) with time zone  | TIMESTAMP_TZ | -   | -  | -",
            "TIMESTAMP WITH TIME ZONE     | TIMESTAMP_TZ | -   | -  | -",
            "timestamptz                  | TIMESTAMP_TZ | -   | -  | -",
            "timestamp(6) without time zone | TIMESTAMP  | -   | -  | -",
            "BINARY VARYING               | VARBINARY    | -   | -  | -",
            "bytea                        | BLOB         | -   | -  | -",
            "oid                          | BLOB         | -   | -  | -",
            "enum ('A','B')               | VARCHAR      | -   | -  | -",
            "uuid                         | UUID         | -   | -  | -",
            "jsonb                        | JSON         | -   | -  | -",
            "interval day to second       | INTERVAL     | -   | -  | -",
            "geometry                     | OTHER        | -   | -  | -"})
    void parsesEachEnginesSpelling(String spelling, CanonicalType type, Integer length, Integer precision,
                                   Integer scale) {
        ColumnType parsed = TypeNames.parse(spelling);

        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.length()).isEqualTo(length);
        assertThat(parsed.precision()).isEqualTo(precision);
        assertThat(parsed.scale()).isEqualTo(scale);
    }

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource({"BIGINT, INTEGER, true", "INTEGER, BIGINT, false", "TEXT, VARCHAR, true", "VARCHAR, TEXT, false",
            "TIMESTAMP, TIMESTAMP_TZ, false", "TIME_TZ, TIME, true", "OTHER, OTHER, false", "DOUBLE, REAL, true",
            "DECIMAL, DOUBLE, false"})
    void widerMembersOfAFamilyHoldNarrowerOnes(CanonicalType column, CanonicalType mapped, boolean holds) {
        assertThat(column.canHold(mapped)).isEqualTo(holds);
    }

    @org.junit.jupiter.api.Test
    void enumValuesAreReadBackFromTheirSpellingWithQuotesInside() {
        String spelling = TypeNames.enumSpelling(java.util.List.of("LOW", "O'HARA"));

        assertThat(spelling).isEqualTo("ENUM('LOW', 'O''HARA')");
        assertThat(TypeNames.enumValues(spelling)).containsExactly("LOW", "O'HARA");
        assertThat(TypeNames.enumValues("enum ('A','B')")).containsExactly("A", "B");
        assertThat(TypeNames.enumValues("varchar(10)")).isEmpty();
    }
}
