package io.github.dbtestkit.schema.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void urlsLoseTheirPasswordsWhateverTheDriversSyntax() {
        assertThat(Secrets.redactUrl("jdbc:postgresql://db:5432/shop?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=***&ssl=true");
        assertThat(Secrets.redactUrl("jdbc:h2:/data/shop;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:/data/shop;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Secrets.redactUrl("jdbc:postgresql://app:hunter2@db/shop")).isEqualTo("jdbc:postgresql://***@db/shop");
        assertThat(Secrets.redactUrl("jdbc:sqlite:/data/shop.db")).isEqualTo("jdbc:sqlite:/data/shop.db");
    }

    @Test
    void scrubMasksEveryOccurrenceOfThePassword() {
        assertThat(Secrets.scrub("FATAL: password hunter2 rejected for hunter2", "hunter2"))
                .isEqualTo("FATAL: password *** rejected for ***");
        assertThat(Secrets.scrub("nothing to hide", null)).isEqualTo("nothing to hide");
        assertThat(Secrets.scrub("nothing to hide", "")).isEqualTo("nothing to hide");
    }

    @Test
    void h2FileUrlsMustNameAnExistingDatabaseButMemoryAndServerUrlsAreLeftAlone() {
        assertThat(FileDatabases.requireExisting("jdbc:h2:/data/shop")).isEqualTo("jdbc:h2:/data/shop;IFEXISTS=TRUE");
        assertThat(FileDatabases.requireExisting("jdbc:h2:/data/shop;IFEXISTS=FALSE"))
                .isEqualTo("jdbc:h2:/data/shop;IFEXISTS=FALSE");
        assertThat(FileDatabases.requireExisting("jdbc:h2:mem:shop")).isEqualTo("jdbc:h2:mem:shop");
        assertThat(FileDatabases.requireExisting("jdbc:h2:tcp://db/shop")).isEqualTo("jdbc:h2:tcp://db/shop");
        assertThat(FileDatabases.requireExisting("jdbc:sqlite::memory:")).isEqualTo("jdbc:sqlite::memory:");
    }
}
