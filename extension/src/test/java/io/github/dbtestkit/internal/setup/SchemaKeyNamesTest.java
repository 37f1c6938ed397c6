package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Database names keep Surefire's forks and CI jobs on a shared server apart. */
class SchemaKeyNamesTest {

    private static final SchemaKey KEY = new SchemaKey(Engine.POSTGRESQL, Provider.EXTERNAL, SchemaMode.CREATE_ALL, "",
            List.of("com.acme.Post"), HibernateProperties.NONE, SchemaKey.Sharing.SHARED);

    @Test
    void theNameEndsWithThisJvmsPidSoThatForksNeverShareADatabase() {
        String pid = Long.toString(ProcessHandle.current().pid(), 36);

        assertThat(KEY.newDatabaseName())
                .matches("dbt_postgresql_[0-9a-f]{10}_[0-9a-z]+(_[0-9]+)?")
                .startsWith("dbt_postgresql_" + KEY.fingerprint() + "_" + pid);
    }

    @Test
    void aSecondDatabaseForTheSameKeyInThisJvmGetsAnotherName() {
        String first = KEY.newDatabaseName();
        String second = KEY.newDatabaseName();

        assertThat(second).isNotEqualTo(first).startsWith("dbt_postgresql_" + KEY.fingerprint() + "_"
                + Long.toString(ProcessHandle.current().pid(), 36));
    }

    @Test
    void theNameLeavesRoomForPerTestCopiesWithinPostgresqlsLimit() {
        assertThat((KEY.newDatabaseName() + "_t1000000").length()).isLessThanOrEqualTo(63);
    }
}
