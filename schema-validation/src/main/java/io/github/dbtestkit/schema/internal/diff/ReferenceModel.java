package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.apiguardian.api.API;

import java.util.Set;

/**
 * Turns the model of a reference database, as the actual-schema readers read it, into the expected side of a
 * {@link SchemaDiff}: where a mapping's model holds only what the author declared, a catalog also holds what the
 * engine made by itself. Left out are the migration tools' bookkeeping tables ({@link SchemaDiff#isBookkeeping}),
 * and the indexes that only back a constraint: the primary key's and unique constraints' own indexes (compared as
 * keys already), and on H2 the index it creates for every foreign key (compared as the foreign key). Without that,
 * one missing constraint would be reported twice.
 *
 * <pre>{@code
 * SchemaModel expected = ReferenceModel.expectedFrom(EngineKind.H2, ActualSchemaReader.of(EngineKind.H2).read(c, Set.of()));
 * SchemaDiff.Result result = new SchemaDiff(EngineKind.H2, Wording.REFERENCE_DATABASE).compare(expected, underTest);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReferenceModel {

    private ReferenceModel() {
    }

    /** The reference database's model as an expected one. */
    public static SchemaModel expectedFrom(EngineKind engine, SchemaModel reference) {
        return new SchemaModel(reference.tables().stream()
                .filter(table -> !SchemaDiff.isBookkeeping(table.name()))
                .map(table -> withoutConstraintIndexes(engine, table))
                .toList(), reference.sequences());
    }

    private static TableModel withoutConstraintIndexes(EngineKind engine, TableModel table) {
        return new TableModel(table.name(), table.entity(), table.columns(), table.primaryKey(), table.foreignKeys(),
                table.uniqueKeys(), table.indexes().stream().filter(index -> !backsConstraint(engine, table, index))
                .toList(), table.checks());
    }

    private static boolean backsConstraint(EngineKind engine, TableModel table, KeyModel index) {
        Set<String> columns = Labels.folded(index.columns());
        if (index.unique()) {
            return columns.equals(Labels.folded(table.primaryKey()))
                    || table.uniqueKeys().stream().anyMatch(key -> Labels.folded(key.columns()).equals(columns));
        }
        return engine == EngineKind.H2 && table.foreignKeys().stream()
                .map(ForeignKeyModel::columns).anyMatch(fk -> Labels.folded(fk).equals(columns));
    }
}
