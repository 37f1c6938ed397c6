package io.github.dbtestkit.benchmarks.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        Samples samples = samplesOf(9, 1, 5);

        assertThat(samples.median()).isEqualTo(5);
        assertThat(samples.min()).isEqualTo(1);
        assertThat(samples.max()).isEqualTo(9);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(samplesOf(4, 1, 10, 2).median()).isEqualTo(3);
    }

    @Test
    void measurementsKeepTheOrderTheyWereTakenIn() {
        assertThat(samplesOf(3, 1, 2).values()).containsExactly(3.0, 1.0, 2.0);
    }

    @Test
    void aSummaryOfNothingSaysNothingWasRecorded() {
        assertThatThrownBy(() -> new Samples().median())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No measurement was recorded.");
    }

    private static Samples samplesOf(double... values) {
        Samples samples = new Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }
}
