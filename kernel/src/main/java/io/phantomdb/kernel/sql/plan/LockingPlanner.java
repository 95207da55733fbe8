package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.txn.lock.RowLockMode;
import io.phantomdb.kernel.txn.lock.WaitPolicy;
import io.phantomdb.sql.parser.dml.SqlLockingQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...] [NOWAIT |
 * SKIP LOCKED]}: refuses what PostgreSQL refuses (set operations, DISTINCT, GROUP BY, HAVING,
 * aggregates, window functions, VALUES, the nullable side of an outer join: 0A000; an OF name not
 * in FROM: 42P01), works out which FROM items are locked in which mode, and rewrites the query so
 * its rows carry what locking needs: the primary key columns of every locked table are appended to
 * the select list, and LIMIT / OFFSET come off (they apply above the locking, as PostgreSQL's
 * LockRows runs below its Limit: rows skipped by SKIP LOCKED or gone after a wait do not count).
 *
 * <p>Only base tables with a declared primary key are locked; a sub-query, view or table without
 * primary key that would be locked is refused (0A000, not supported yet).
 */
public final class LockingPlanner {
  /**
   * A table whose rows the query locks.
   *
   * @param table the table
   * @param keyFields positions, in the planned query's output fields, of its primary key columns
   *     (in the primary index's order)
   * @param mode the lock strength
   * @param waitKind what to do about rows others have locked
   */
  public record Target(TableDescriptor table, int[] keyFields, RowLockMode mode, WaitPolicy.Kind waitKind) {}

  /**
   * The locking part of a planned query.
   *
   * @param targets the tables to lock
   * @param visibleFields how many of the output fields are the query's own (the rest are keys)
   * @param offset OFFSET, 0 if none
   * @param fetch LIMIT, or -1 for none
   * @param commandName as PostgreSQL names the statement in errors, e.g. {@code SELECT FOR UPDATE}
   */
  public record Locking(List<Target> targets, int visibleFields, long offset, long fetch, String commandName) {}

  /** A FROM item that is locked. */
  private static final class Item {
    final String alias;
    final TableDescriptor table;
    RowLockMode mode;
    WaitPolicy.Kind wait;
    int firstField;

    Item(String alias, TableDescriptor table) {
      this.alias = alias;
      this.table = table;
    }
  }

  /** A FROM item as written: its alias, the table it names (null: a sub-query, view, ...). */
  private record FromItem(String alias, TableDescriptor table, boolean nullable) {}

  private final SqlLockingQuery query;
  private final String clause;
  private final SqlOperatorTable operators;
  private final List<Item> items = new ArrayList<>();
  private SqlNode rewritten;
  private long offset;
  private long fetch = -1;
  private int appended;

  /**
   * Checks and rewrites a locking query.
   *
   * @param query the parsed query
   * @param tables resolves a table name as written in FROM to its table, or null if it names
   *     something else (a view) or nothing (validation reports that)
   */
  public LockingPlanner(SqlLockingQuery query, Function<List<String>, TableDescriptor> tables) {
    this(query, tables, SqlStdOperatorTable.instance());
  }

  /**
   * Checks and rewrites a locking query.
   *
   * @param query the parsed query
   * @param tables as above
   * @param operators the functions the query may call (to tell aggregates)
   */
  public LockingPlanner(SqlLockingQuery query, Function<List<String>, TableDescriptor> tables,
      SqlOperatorTable operators) {
    this.query = query;
    this.clause = "FOR " + query.clauses().get(0).strength().sql();
    this.operators = operators;
    rewrite(tables);
  }

  /** @return the query to plan instead: key columns appended, without LIMIT / OFFSET */
  public SqlNode query() {
    return rewritten;
  }

  /**
   * Checks the planned query (aggregates and window functions at its top level) and says what
   * to lock.
   *
   * @param root the plan of {@link #query()}
   * @return the locking part of the plan
   * @throws SqlException 0A000 if the query aggregates or has window functions
   */
  public Locking locking(RelRoot root) {
    boolean aggregate = false;
    boolean window = false;
    for (RelNode rel = root.rel; rel instanceof Sort || rel instanceof Project || rel instanceof Filter
        || rel instanceof Aggregate; rel = rel.getInput(0)) {
      aggregate |= rel instanceof Aggregate;
      window |= rel instanceof Project p && RexOver.containsOver(p.getProjects(), null);
    }
    if (aggregate) {
      throw notAllowed("aggregate functions");
    }
    if (window) {
      throw notAllowed("window functions");
    }
    int visible = root.fields.size() - appended;
    List<Target> targets = new ArrayList<>();
    for (Item item : items) {
      int[] keys = new int[item.table.primaryIndex().columns().size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = root.fields.get(visible + item.firstField + i).getKey();
      }
      targets.add(new Target(item.table, keys, item.mode, item.wait));
    }
    String command = "SELECT " + clause;
    return new Locking(List.copyOf(targets), visible, offset, fetch, command);
  }

  private void rewrite(Function<List<String>, TableDescriptor> tables) {
    SqlNode q = query.query();
    SqlOrderBy orderBy = q instanceof SqlOrderBy o ? o : null;
    SqlNode body = orderBy != null ? orderBy.query : q;
    if (body.getKind() == SqlKind.UNION || body.getKind() == SqlKind.INTERSECT || body.getKind() == SqlKind.EXCEPT) {
      throw notAllowed("UNION/INTERSECT/EXCEPT");
    }
    if (body.getKind() == SqlKind.VALUES) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " cannot be applied to VALUES");
    }
    if (!(body instanceof SqlSelect select)) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " is not supported with " + body.getKind()
          + " yet");
    }
    if (select.isDistinct()) {
      throw notAllowed("DISTINCT clause");
    }
    if (select.getGroup() != null && !select.getGroup().isEmpty()) {
      throw notAllowed("GROUP BY clause");
    }
    if (select.getHaving() != null) {
      throw notAllowed("HAVING clause");
    }
    // before validation: the appended key columns would make an aggregate query fail it
    Calls calls = new Calls();
    select.getSelectList().accept(calls);
    if (orderBy != null && orderBy.orderList != null) {
      orderBy.orderList.accept(calls);
    }
    if (calls.aggregate) {
      throw notAllowed("aggregate functions");
    }
    if (calls.window || (select.getWindowList() != null && !select.getWindowList().isEmpty())) {
      throw notAllowed("window functions");
    }
    Map<String, FromItem> from = new LinkedHashMap<>();
    if (select.getFrom() != null) {
      collect(select.getFrom(), false, tables, from);
    }
    Map<String, Item> locked = new LinkedHashMap<>();
    for (SqlLockingQuery.Clause c : query.clauses()) {
      List<String> names = new ArrayList<>();
      if (c.tables() == null) {
        names.addAll(from.keySet());
      } else {
        for (SqlNode n : c.tables()) {
          SqlIdentifier id = (SqlIdentifier) n;
          if (!id.isSimple()) {
            throw new SqlException(SqlState.SYNTAX_ERROR, clause + " must specify unqualified relation names");
          }
          if (!from.containsKey(id.getSimple())) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + id.getSimple() + "\" in " + clause
                + " clause not found in FROM clause");
          }
          names.add(id.getSimple());
        }
      }
      for (String name : names) {
        Item item = locked.computeIfAbsent(name, n -> item(from.get(n)));
        item.mode = item.mode == null ? mode(c.strength()) : RowLockMode.strongest(item.mode, mode(c.strength()));
        item.wait = item.wait == null ? wait(c.waitPolicy()) : stronger(item.wait, wait(c.waitPolicy()));
      }
    }
    items.addAll(locked.values());
    SqlNodeList selectList = new SqlNodeList(select.getSelectList().getList(), select.getSelectList().getParserPosition());
    for (Item item : items) {
      item.firstField = appended;
      for (IndexColumn ic : item.table.primaryIndex().columns()) {
        // named apart, so that ORDER BY id still means the query's own id
        SqlIdentifier column = new SqlIdentifier(List.of(item.alias, columnName(item.table, ic.columnId())),
            SqlParserPos.ZERO);
        selectList.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, column,
            new SqlIdentifier("$lock_key" + appended, SqlParserPos.ZERO)));
        appended++;
      }
    }
    SqlSelect copy = (SqlSelect) select.clone(select.getParserPosition());
    copy.setSelectList(selectList);
    if (orderBy == null) {
      rewritten = copy;
      return;
    }
    offset = orderBy.offset == null ? 0 : literal(orderBy.offset);
    fetch = orderBy.fetch == null ? -1 : literal(orderBy.fetch);
    rewritten = orderBy.orderList == null || orderBy.orderList.isEmpty() ? copy
        : new SqlOrderBy(orderBy.getParserPosition(), copy, orderBy.orderList, null, null);
  }

  /** The FROM items by the name a locking clause gives them (the alias, else the table's name). */
  private void collect(SqlNode node, boolean nullable, Function<List<String>, TableDescriptor> tables,
      Map<String, FromItem> out) {
    if (node instanceof SqlJoin join) {
      JoinType type = join.getJoinType();
      collect(join.getLeft(), nullable || type == JoinType.RIGHT || type == JoinType.FULL, tables, out);
      collect(join.getRight(), nullable || type == JoinType.LEFT || type == JoinType.FULL, tables, out);
      return;
    }
    SqlNode target = node;
    String alias = null;
    if (node.getKind() == SqlKind.AS) {
      List<SqlNode> operands = ((SqlBasicCall) node).getOperandList();
      target = operands.get(0);
      alias = ((SqlIdentifier) operands.get(1)).getSimple();
    }
    TableDescriptor table = null;
    if (target instanceof SqlIdentifier id) {
      table = tables.apply(id.names);
      alias = alias != null ? alias : id.names.get(id.names.size() - 1);
    }
    if (alias != null) {
      out.put(alias, new FromItem(alias, table, nullable));
    } else {
      out.put("?" + out.size(), new FromItem("?", null, nullable)); // unnamed sub-query: locked only without OF
    }
  }

  /** Finds aggregate and window function calls of the query's own level (not in sub-queries). */
  private final class Calls extends SqlBasicVisitor<Void> {
    boolean aggregate;
    boolean window;

    @Override
    public Void visit(SqlCall call) {
      if (call instanceof SqlSelect || call instanceof SqlOrderBy) {
        return null;
      }
      if (call.getKind() == SqlKind.OVER) {
        window = true;
        return null;
      }
      if (isAggregate(call)) {
        aggregate = true;
        return null;
      }
      return super.visit(call);
    }

    private boolean isAggregate(SqlCall call) {
      SqlOperator op = call.getOperator();
      if (op.isAggregator()) {
        return true;
      }
      if (!(op instanceof SqlFunction f) || f.getSqlIdentifier() == null) {
        return false;
      }
      List<SqlOperator> found = new ArrayList<>();
      operators.lookupOperatorOverloads(f.getSqlIdentifier(), null, SqlSyntax.FUNCTION, found,
          SqlNameMatchers.withCaseSensitive(false));
      return found.stream().anyMatch(SqlOperator::isAggregator);
    }
  }

  private Item item(FromItem f) {
    if (f.nullable()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " cannot be applied to the nullable side of an outer join");
    }
    if (f.table() == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " of a sub-query, view or function in FROM is not supported yet",
          null, "Name the tables to lock with " + clause + " OF.", null);
    }
    if (f.table().hasHiddenRowId()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " of table \"" + f.table().name()
          + "\" without a primary key is not supported yet");
    }
    return new Item(f.alias(), f.table());
  }

  private static String columnName(TableDescriptor table, int columnId) {
    for (ColumnDescriptor c : table.columns()) {
      if (c.id() == columnId) {
        return c.name();
      }
    }
    throw new IllegalStateException("table " + table.name() + " has no column " + columnId);
  }

  private long literal(SqlNode n) {
    if (n instanceof SqlNumericLiteral lit && lit.isInteger()) {
      long v = lit.longValue(true);
      if (v < 0) {
        throw new SqlException(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative");
      }
      return v;
    }
    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "LIMIT and OFFSET of " + clause
        + " must be integer constants for now");
  }

  private SqlException notAllowed(String what) {
    return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " is not allowed with " + what);
  }

  private static RowLockMode mode(SqlLockingQuery.Strength s) {
    return switch (s) {
      case UPDATE -> RowLockMode.UPDATE;
      case NO_KEY_UPDATE -> RowLockMode.NO_KEY_UPDATE;
      case SHARE -> RowLockMode.SHARE;
      case KEY_SHARE -> RowLockMode.KEY_SHARE;
    };
  }

  private static WaitPolicy.Kind wait(SqlLockingQuery.WaitPolicy w) {
    return switch (w) {
      case WAIT -> WaitPolicy.Kind.WAIT;
      case NOWAIT -> WaitPolicy.Kind.NOWAIT;
      case SKIP_LOCKED -> WaitPolicy.Kind.SKIP_LOCKED;
    };
  }

  /** As PostgreSQL: NOWAIT if any clause says so, else SKIP LOCKED if any does, else WAIT. */
  private static WaitPolicy.Kind stronger(WaitPolicy.Kind a, WaitPolicy.Kind b) {
    if (a == WaitPolicy.Kind.NOWAIT || b == WaitPolicy.Kind.NOWAIT) {
      return WaitPolicy.Kind.NOWAIT;
    }
    return a == WaitPolicy.Kind.SKIP_LOCKED || b == WaitPolicy.Kind.SKIP_LOCKED ? WaitPolicy.Kind.SKIP_LOCKED
        : WaitPolicy.Kind.WAIT;
  }
}
