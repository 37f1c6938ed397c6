package io.github.dbtestkit.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Repeated measurements of one quantity, summarised by their median (robust to the odd round slowed down by another
 * process on the same cores) and their range.
 *
 * <pre>{@code
 * Samples perTest = new Samples(); perTest.add(41.7); perTest.add(39.2);
 * double typical = perTest.median();
 * }</pre>
 */
public final class Samples {

    private final List<Double> values = new ArrayList<>();

    /** Records one measurement. */
    public void add(double value) {
        values.add(value);
    }

    /** How many measurements were recorded. */
    public int count() {
        return values.size();
    }

    /** The median; the mean of the two middle values for an even count. */
    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The smallest measurement. */
    public double min() {
        return sorted().get(0);
    }

    /** The largest measurement. */
    public double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    /** The measurements in the order they were taken. */
    public List<Double> values() {
        return List.copyOf(values);
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("No measurement was recorded.");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
