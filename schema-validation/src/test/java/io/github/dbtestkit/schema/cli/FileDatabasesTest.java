package io.github.dbtestkit.schema.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileDatabasesTest {

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
