package io.github.dbtestkit.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearFitTest {

    @Test
    void pointsOnALineGiveItsSlopeAndInterceptWithRSquaredOne() {
        LinearFit fit = LinearFit.of(List.of(100.0, 1000.0, 5000.0), List.of(70.0, 340.0, 1540.0));

        assertThat(fit.slope()).isCloseTo(0.3, within(1e-9));
        assertThat(fit.intercept()).isCloseTo(40.0, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void scatteredPointsGiveTheLeastSquaresLineAndAnRSquaredBelowOne() {
        LinearFit fit = LinearFit.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.0, 3.0, 2.0, 4.0));

        assertThat(fit.slope()).isCloseTo(0.8, within(1e-9));
        assertThat(fit.intercept()).isCloseTo(0.5, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(0.64, within(1e-9));
    }

    @Test
    void equalXsHaveNoSlope() {
        assertThatThrownBy(() -> LinearFit.of(List.of(5.0, 5.0), List.of(1.0, 2.0)))
                .hasMessage("All x are equal (5.0): no slope can be fitted.");
    }

    @Test
    void oneXPerYIsRequired() {
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0, 2.0), List.of(1.0)))
                .hasMessage("A line needs at least two points with one y per x, got 2 x and 1 y.");
    }
}
