package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.scanfixture.Ship;
import io.github.dbtestkit.schema.scanfixture.sub.Crew;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedModelsTest {

    @Test
    void sameEntitiesEngineAndVersionReuseTheModel() {
        SchemaModel first = ExpectedModels.get(EngineKind.H2, 2, 5, List.of(Ship.class, Crew.class));

        SchemaModel second = ExpectedModels.get(EngineKind.H2, 2, 5, List.of(Ship.class, Crew.class));

        assertThat(second).isSameAs(first);
        assertThat(first.tables()).extracting(t -> t.name()).containsExactly("crew", "ships");
    }

    @Test
    void anotherEngineOrEntitySetIsReadAgain() {
        SchemaModel h2 = ExpectedModels.get(EngineKind.H2, 2, 5, List.of(Ship.class));

        assertThat(ExpectedModels.get(EngineKind.POSTGRESQL, 17, 0, List.of(Ship.class))).isNotSameAs(h2);
        assertThat(ExpectedModels.get(EngineKind.H2, 2, 5, List.of(Ship.class, Crew.class))).isNotSameAs(h2);
    }
}
