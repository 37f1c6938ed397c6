package io.github.dbtestkit.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void urlsLoseTheirPasswordsWhateverTheDriversSyntax() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/shop?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=***&ssl=true");
        assertThat(Secrets.maskUrl("jdbc:h2:/data/shop;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:/data/shop;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Secrets.maskUrl("jdbc:postgresql://app:hunter2@db/shop")).isEqualTo("jdbc:postgresql://***@db/shop");
        assertThat(Secrets.maskUrl("jdbc:sqlite:/data/shop.db")).isEqualTo("jdbc:sqlite:/data/shop.db");
    }

    @Test
    void scrubMasksEveryOccurrenceOfThePassword() {
        assertThat(Secrets.scrub("FATAL: password hunter2 rejected for hunter2", "hunter2"))
                .isEqualTo("FATAL: password *** rejected for ***");
        assertThat(Secrets.scrub("nothing to hide", null)).isEqualTo("nothing to hide");
        assertThat(Secrets.scrub("nothing to hide", "")).isEqualTo("nothing to hide");
    }
}
