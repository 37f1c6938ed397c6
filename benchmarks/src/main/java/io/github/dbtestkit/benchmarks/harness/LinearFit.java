package io.github.dbtestkit.benchmarks.harness;

import java.util.List;

/**
 * The least-squares line through measured points, y = intercept + slope · x, with its coefficient of determination
 * R² (1.00 = every point on the line): how a benchmark says that a cost grows linearly and by how much per unit.
 *
 * <pre>{@code
 * LinearFit fit = LinearFit.of(List.of(100.0, 1000.0, 5000.0), List.of(31.0, 160.0, 742.0));
 * double msPerTest = fit.slope();
 * }</pre>
 *
 * @param slope     the change of y per unit of x
 * @param intercept y at x = 0 (the fixed cost)
 * @param rSquared  1 − residual sum of squares / total sum of squares; 1 when all y are equal and on the line
 */
public record LinearFit(double slope, double intercept, double rSquared) {

    /**
     * Fits the line through the points (xs[i], ys[i]).
     *
     * @throws IllegalArgumentException when the lists differ in length, hold fewer than two points, or all x are equal
     */
    public static LinearFit of(List<Double> xs, List<Double> ys) {
        if (xs.size() != ys.size() || xs.size() < 2) {
            throw new IllegalArgumentException("A line needs at least two points with one y per x, got " + xs.size()
                    + " x and " + ys.size() + " y.");
        }
        int n = xs.size();
        double meanX = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanY = ys.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xs.get(i) - meanX;
            double dy = ys.get(i) - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("All x are equal (" + meanX + "): no slope can be fitted.");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double e = ys.get(i) - (intercept + slope * xs.get(i));
            residual += e * e;
        }
        return new LinearFit(slope, intercept, syy == 0 ? 1 : 1 - residual / syy);
    }
}
