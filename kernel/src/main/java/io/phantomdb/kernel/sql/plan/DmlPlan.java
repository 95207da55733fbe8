package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import java.util.List;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;

/**
 * A planned INSERT, UPDATE or DELETE, as the plan cache keeps it: Calcite plans only, compiled into
 * operators by {@link ModifyPlanner#build} for each execution.
 *
 * @param kind INSERT, UPDATE or DELETE
 * @param table the target table
 * @param core the change: a {@code TableModify} plan, or for UPDATE ... FROM and DELETE ... USING
 *     ({@code joined}) the plan of the rows to change: the target's visible columns followed by
 *     the new values of {@code set}
 * @param joined true for UPDATE ... FROM and DELETE ... USING
 * @param set UPDATE ... FROM: the columns assigned; else null
 * @param returning the plan of {@code SELECT <RETURNING items> FROM target}, or null
 * @param columns the RETURNING columns (names as PostgreSQL gives them), empty without RETURNING
 * @param conflict INSERT ... ON CONFLICT, or null
 */
public record DmlPlan(
    SqlKind kind,
    TableDescriptor table,
    RelRoot core,
    boolean joined,
    Assignments set,
    RelRoot returning,
    List<ColumnInfo> columns,
    ConflictPlan conflict) {

  /** Copies the column list. */
  public DmlPlan {
    columns = List.copyOf(columns);
  }

  /**
   * INSERT's ON CONFLICT clause.
   *
   * @param doNothing true for DO NOTHING
   * @param arbiterIndexIds the ids of the unique indexes checked for conflicts
   * @param inferred true if the statement named a conflict target
   * @param set DO UPDATE: the columns assigned; else null
   * @param update DO UPDATE: the plan of {@code SELECT <values>[, <where>] FROM target, target AS
   *     excluded}; else null
   * @param hasWhere DO UPDATE: whether the last output of {@code update} is the WHERE condition
   */
  public record ConflictPlan(
      boolean doNothing,
      List<Integer> arbiterIndexIds,
      boolean inferred,
      Assignments set,
      RelRoot update,
      boolean hasWhere) {

    /** Copies the id list. */
    public ConflictPlan {
      arbiterIndexIds = List.copyOf(arbiterIndexIds);
    }
  }
}
