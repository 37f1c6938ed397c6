package io.github.dbtestkit.core.internal.hibernate;

import org.apiguardian.api.API;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.DateJdbcType;

import java.sql.CallableStatement;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Hibernate's {@code DATE} mapping on SQLite, as ISO text ({@code 2000-09-07}): what a seed script's
 * {@code '2000-09-07'} literal holds, what SQLite's {@code date()} returns, and what sorts and compares correctly
 * against both. sqlite-jdbc alone reads a {@code DATE} with the one pattern it also uses for timestamps, so
 * {@code '2000-09-07'} failed with "Error parsing date" (and without {@code date_class=TEXT} it wrote epoch
 * milliseconds, which never equal a seeded literal). Reading also accepts text with a time after the date, and numbers
 * as sqlite-jdbc reads them (epoch milliseconds, Julian days), so values other code wrote still load.
 *
 * <pre>{@code
 * metadataBuilder.applyTypes(SqliteDateJdbcType.CONTRIBUTOR); // SQLite only
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqliteDateJdbcType extends DateJdbcType {

    /** Registers this type for {@code java.sql.Types.DATE}, replacing Hibernate's default on the boot it is applied to. */
    public static final TypeContributor CONTRIBUTOR = (contributions, services) ->
            contributions.contributeJdbcType(new SqliteDateJdbcType());

    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}(?:$|[ T].*)");

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, text(javaType.unwrap(value, Date.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setString(name, text(javaType.unwrap(value, Date.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int position, WrapperOptions options) throws SQLException {
                Object raw = rs.getObject(position);
                return javaType.wrap(raw instanceof String text ? parse(text) : rs.getDate(position), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                Object raw = statement.getObject(index);
                return javaType.wrap(raw instanceof String text ? parse(text) : statement.getDate(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                Object raw = statement.getObject(name);
                return javaType.wrap(raw instanceof String text ? parse(text) : statement.getDate(name), options);
            }
        };
    }

    /** The ISO text of a date ({@code 2000-09-07}), in the JVM's time zone as {@code setDate} would take it. */
    static String text(Date date) {
        return date.toLocalDate().toString();
    }

    /**
     * Reads {@code 2000-09-07}, or that followed by a time ({@code 2000-09-07 10:15:30}, {@code 2000-09-07T10:15}).
     *
     * @throws SQLException naming the value and the expected form
     */
    static Date parse(String text) throws SQLException {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (ISO_DATE_PREFIX.matcher(trimmed).matches()) {
            int end = trimmed.indexOf('-', trimmed.charAt(0) == '-' || trimmed.charAt(0) == '+' ? 1 : 0) + 6;
            try {
                return Date.valueOf(LocalDate.parse(trimmed.substring(0, end)));
            } catch (DateTimeParseException e) {
                throw new SQLException("Cannot read '" + text + "' as a SQLite DATE: " + e.getMessage(), e);
            }
        }
        throw new SQLException("Cannot read '" + text + "' as a SQLite DATE: expected ISO text such as '2000-09-07'"
                + " (optionally followed by a time), as SQLite's date() writes it.");
    }
}
