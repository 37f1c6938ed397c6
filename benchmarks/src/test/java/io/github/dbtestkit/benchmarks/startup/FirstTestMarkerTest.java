package io.github.dbtestkit.benchmarks.startup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The marks a first-test child prints are the ones its parent reads back. */
class FirstTestMarkerTest {

    @Test
    void aMarkLineIsReadBackWithItsNameUptimeAndCpu() {
        assertThat(FirstTestMarker.markIn("dbtestkit-bench: mark test-end uptime ms=2064 cpu ms=1910"))
                .contains(new FirstTestMarker.Mark("test-end", 2064, 1910));
        assertThat(FirstTestMarker.markIn("dbtestkit-bench: mark main uptime ms=40 cpu ms=-1"))
                .contains(new FirstTestMarker.Mark("main", 40, -1));
    }

    @Test
    void otherLinesAreNoMarks() {
        assertThat(FirstTestMarker.markIn(FirstTestMarker.REACHED)).isEmpty();
        assertThat(FirstTestMarker.markIn("dbtestkit-bench: mark broken uptime ms=x cpu ms=1")).isEmpty();
        assertThat(FirstTestMarker.markIn("[main] INFO SchemaSetup - dbtestkit: schema ready")).isEmpty();
    }

    @Test
    void whatMarkPrintsIsWhatMarkInReads() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            FirstTestMarker.mark("discovered");
        } finally {
            System.setOut(console);
        }
        FirstTestMarker.Mark mark = FirstTestMarker.markIn(out.toString(StandardCharsets.UTF_8).strip()).orElseThrow();
        assertThat(mark.name()).isEqualTo("discovered");
        assertThat(mark.uptimeMillis()).isPositive();
    }
}
