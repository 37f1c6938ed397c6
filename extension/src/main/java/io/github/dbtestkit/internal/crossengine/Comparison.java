package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.EngineOutcome;
import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a cross-engine query's outcomes are compared: the options of {@link io.github.dbtestkit.CrossEngineQuery}, and
 * the comparison itself. Two errors are the same outcome (each engine refused the statement; the messages are shown,
 * not compared); an error and rows differ; rows are compared value by value after normalising.
 *
 * <pre>{@code
 * Comparison comparison = Comparison.EXACT.ignoringRowOrder().withTolerance(0.01);
 * boolean same = comparison.same(h2Outcome, postgresOutcome);
 * }</pre>
 *
 * @param ignoreRowOrder    rows compared as multisets
 * @param tolerance         the largest difference between two numbers that are still equal
 * @param numbersByValue    numbers compared by value, whatever their Java type
 * @param normalizeTypes    also temporal JDBC types, UUIDs and characters compared as their usual Java values
 * @param booleansAsNumbers {@code true} and {@code false} taken for {@code 1} and {@code 0}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Comparison(boolean ignoreRowOrder, double tolerance, boolean numbersByValue, boolean normalizeTypes,
                         boolean booleansAsNumbers) {

    /** Rows in order, values of the same type and value. */
    public static final Comparison EXACT = new Comparison(false, 0, false, false, false);

    /** Checks the tolerance. */
    public Comparison {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("A tolerance is a finite number of 0 or more, not " + tolerance + ".");
        }
    }

    Comparison ignoringRowOrder() {
        return new Comparison(true, tolerance, numbersByValue, normalizeTypes, booleansAsNumbers);
    }

    Comparison withTolerance(double value) {
        return new Comparison(ignoreRowOrder, value, true, normalizeTypes, booleansAsNumbers);
    }

    Comparison normalizingTypes() {
        return new Comparison(ignoreRowOrder, tolerance, true, true, booleansAsNumbers);
    }

    Comparison treatingBooleansAsNumbers() {
        return new Comparison(ignoreRowOrder, tolerance, true, normalizeTypes, true);
    }

    /** Whether two engines did the same. */
    public boolean same(EngineOutcome a, EngineOutcome b) {
        if (a.failed() || b.failed()) {
            return a.failed() && b.failed();
        }
        if (a.updateCount() != b.updateCount()) {
            return false;
        }
        List<List<Object>> left = comparable(a);
        List<List<Object>> right = comparable(b);
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!sameRow(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The outcome's rows normalised, and sorted when row order is ignored: the rows as they are compared. */
    List<List<Object>> comparable(EngineOutcome outcome) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : outcome.rows()) {
            List<Object> normalized = new ArrayList<>(row.size());
            row.forEach(value -> normalized.add(normalize(value)));
            rows.add(normalized);
        }
        if (ignoreRowOrder) {
            rows.sort(Comparator.comparing(Comparison::sortKey));
        }
        return rows;
    }

    boolean sameRow(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.subtract(y).abs().compareTo(BigDecimal.valueOf(tolerance)) <= 0;
        }
        return Objects.equals(a, b);
    }

    /** A value as it is compared. */
    Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Boolean flag && booleansAsNumbers) {
            return flag ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Number number && numbersByValue) {
            BigDecimal decimal = decimal(number);
            if (decimal != null) {
                return decimal;
            }
        }
        if (normalizeTypes) {
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toLocalDateTime();
            }
            if (value instanceof java.sql.Date date) {
                return date.toLocalDate();
            }
            if (value instanceof java.sql.Time time) {
                return time.toLocalTime();
            }
            if (value instanceof UUID || value instanceof Character) {
                return value.toString();
            }
        }
        return value;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(value == null ? "\u0000" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : value.toString()).append('\u0001');
        }
        return key.toString();
    }

    /** The options in words, for messages: {@code ignoring row order, numbers within 0.01}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (ignoreRowOrder) {
            parts.add("ignoring row order");
        }
        if (tolerance > 0) {
            parts.add("numbers within " + BigDecimal.valueOf(tolerance).stripTrailingZeros().toPlainString());
        } else if (numbersByValue) {
            parts.add("numbers by value");
        }
        if (normalizeTypes) {
            parts.add("types normalised");
        }
        if (booleansAsNumbers) {
            parts.add("booleans as 1 and 0");
        }
        return String.join(", ", parts);
    }
}
