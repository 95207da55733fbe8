package io.phantomdb.kernel.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calcite planning over the real catalog (parsed with Calcite's stock parser, PostgreSQL casing). */
class SqlPlannerTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlPlanner planner;

  @BeforeEach
  void setUp() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    CatalogStore store = CatalogStore.open(storage);
    int db = store.current().database("postgres").orElseThrow().id();
    int schema = store.current().schema(db, "public").orElseThrow().id();
    try (CatalogStore.Change c = store.change()) {
      c.put(table(c.newId(), schema, "dept", "id", "name"));
      c.put(table(c.newId(), schema, "emp", "id", "dept_id"));
      c.commit(new WriteBatch());
    }
    planner = new SqlPlanner(CatalogSchemas.rootOf(store.current(), db), List.of("public"));
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  private static TableDescriptor table(int id, int schema, String name, String key, String other) {
    ColumnDescriptor k = ColumnDescriptor.of(1, key, DataType.of(TypeKind.INTEGER).withNullable(false), null);
    ColumnDescriptor o = ColumnDescriptor.of(2, other,
        other.endsWith("id") ? DataType.of(TypeKind.INTEGER) : DataType.of(TypeKind.TEXT), null);
    IndexDescriptor pk = new IndexDescriptor(1, name + "_pkey", List.of(IndexColumn.asc(1)), true, true, true);
    return new TableDescriptor(id, schema, name, List.of(k, o), List.of(pk), List.of(), 3, 2);
  }

  private static SqlNode parse(String sql) throws Exception {
    SqlParser.Config config = SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withConformance(SqlConformanceEnum.LENIENT);
    return SqlParser.create(sql, config).parseStmt();
  }

  private String plan(String sql) throws Exception {
    RelRoot root = planner.plan(parse(sql));
    return SqlPlanner.explain(root);
  }

  @Test
  void joinWithGroupByAndHaving() throws Exception {
    String p = plan("SELECT d.name, COUNT(*) AS n FROM emp e JOIN dept d ON e.dept_id = d.id "
        + "WHERE d.id > 1 GROUP BY d.name HAVING COUNT(*) > 1 ORDER BY n DESC LIMIT 5");
    assertThat(p).contains("LogicalJoin").contains("LogicalAggregate").contains("LogicalSort");
  }

  @Test
  void correlatedSubqueriesAreDecorrelated() throws Exception {
    String p = plan("SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id)"
        + " AND d.id IN (SELECT dept_id FROM emp)");
    assertThat(p).doesNotContain("LogicalCorrelate").contains("LogicalJoin");
  }

  @Test
  void dmlBecomesTableModify() throws Exception {
    assertThat(plan("INSERT INTO emp (id, dept_id) VALUES (1, 2), (3, 4)")).contains("LogicalTableModify");
    assertThat(plan("UPDATE emp SET dept_id = dept_id + 1 WHERE id = 3")).contains("UPDATE");
    assertThat(plan("DELETE FROM emp WHERE id IN (1, 2)")).contains("DELETE");
  }

  @Test
  void unknownTablesAndColumnsFailValidation() {
    assertThatThrownBy(() -> plan("SELECT * FROM nope")).hasMessageContaining("Object 'nope' not found");
    assertThatThrownBy(() -> plan("SELECT salary FROM emp")).hasMessageContaining("Column 'salary' not found");
  }
}
