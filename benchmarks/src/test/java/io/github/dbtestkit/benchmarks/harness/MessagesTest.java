package io.github.dbtestkit.benchmarks.harness;

import io.github.dbtestkit.core.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void joinsTheDistinctMessagesOfAFailureAndItsCauses() {
        Exception failure = new IllegalStateException("outer",
                new RuntimeException("outer", new java.sql.SQLException("too many terms")));

        assertThat(Messages.chain(failure)).isEqualTo("outer — too many terms");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertThat(Messages.chain(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
