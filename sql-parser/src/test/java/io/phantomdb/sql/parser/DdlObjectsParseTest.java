package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static io.phantomdb.sql.parser.ParserTestSupport.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.sql.parser.ddl.DropBehavior;
import io.phantomdb.sql.parser.ddl.SqlAddColumn;
import io.phantomdb.sql.parser.ddl.SqlAddConstraint;
import io.phantomdb.sql.parser.ddl.SqlAlterColumn;
import io.phantomdb.sql.parser.ddl.SqlAlterIndex;
import io.phantomdb.sql.parser.ddl.SqlAlterTable;
import io.phantomdb.sql.parser.ddl.SqlCreateDatabase;
import io.phantomdb.sql.parser.ddl.SqlCreateIndex;
import io.phantomdb.sql.parser.ddl.SqlCreateSchema;
import io.phantomdb.sql.parser.ddl.SqlAlterSequence;
import io.phantomdb.sql.parser.ddl.SqlCreateSequence;
import io.phantomdb.sql.parser.ddl.SqlCreateView;
import io.phantomdb.sql.parser.ddl.SqlDropColumn;
import io.phantomdb.sql.parser.ddl.SqlDropConstraint;
import io.phantomdb.sql.parser.ddl.SqlDropDatabase;
import io.phantomdb.sql.parser.ddl.SqlDropIndex;
import io.phantomdb.sql.parser.ddl.SqlDropSchema;
import io.phantomdb.sql.parser.ddl.SqlDropSequence;
import io.phantomdb.sql.parser.ddl.SqlDropTable;
import io.phantomdb.sql.parser.ddl.SqlDropView;
import io.phantomdb.sql.parser.ddl.SqlRenameColumn;
import io.phantomdb.sql.parser.ddl.SqlRenameConstraint;
import io.phantomdb.sql.parser.ddl.SqlRenameTable;
import io.phantomdb.sql.parser.ddl.SqlTableConstraint;
import io.phantomdb.sql.parser.ddl.SqlTruncateTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.junit.jupiter.api.Test;

/** DROP / ALTER TABLE / TRUNCATE, indexes, views, databases, schemas, sequences. */
class DdlObjectsParseTest {
  @Test
  void dropTable() {
    SqlDropTable d = roundTrip("DROP TABLE t", SqlDropTable.class);
    assertThat(d.getKind()).isEqualTo(SqlKind.DROP_TABLE);
    assertThat(d.ifExists()).isFalse();
    assertThat(d.behavior()).isNull();
    d = roundTrip("DROP TABLE IF EXISTS a, s.b CASCADE", SqlDropTable.class);
    assertThat(d.ifExists()).isTrue();
    assertThat(d.names()).extracting(Object::toString).containsExactly("a", "s.b");
    assertThat(d.behavior()).isEqualTo(DropBehavior.CASCADE);
    assertThat(roundTrip("DROP TABLE if RESTRICT", SqlDropTable.class).name().getSimple())
        .isEqualTo("if");
  }

  @Test
  void alterTableAddAndDropColumn() {
    SqlAlterTable a = roundTrip("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int NOT NULL DEFAULT 1",
        SqlAlterTable.class);
    assertThat(a.getKind()).isEqualTo(SqlKind.ALTER_TABLE);
    final SqlAddColumn add = (SqlAddColumn) a.action();
    assertThat(add.ifNotExists()).isTrue();
    assertThat(add.column().name().getSimple()).isEqualTo("c");
    assertThat(add.column().isNotNull()).isTrue();
    a = roundTrip("ALTER TABLE IF EXISTS ONLY t ADD d text", SqlAlterTable.class);
    assertThat(a.ifExists()).isTrue();
    assertThat(((SqlAddColumn) a.action()).ifNotExists()).isFalse();

    a = roundTrip("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE", SqlAlterTable.class);
    final SqlDropColumn drop = (SqlDropColumn) a.action();
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.name().getSimple()).isEqualTo("c");
    assertThat(drop.behavior()).isEqualTo(DropBehavior.CASCADE);
    assertThat(((SqlDropColumn) roundTrip("ALTER TABLE t DROP c", SqlAlterTable.class).action())
        .ifExists()).isFalse();
  }

  @Test
  void alterTableRename() {
    final SqlRenameTable rt = (SqlRenameTable) roundTrip("ALTER TABLE t RENAME TO u",
        SqlAlterTable.class).action();
    assertThat(rt.newName().getSimple()).isEqualTo("u");
    SqlRenameColumn rc = (SqlRenameColumn) roundTrip("ALTER TABLE t RENAME COLUMN a TO b",
        SqlAlterTable.class).action();
    assertThat(rc.oldName().getSimple()).isEqualTo("a");
    assertThat(rc.newName().getSimple()).isEqualTo("b");
    rc = (SqlRenameColumn) roundTrip("ALTER TABLE t RENAME a TO \"B\"", SqlAlterTable.class)
        .action();
    assertThat(rc.newName().getSimple()).isEqualTo("B");
    SqlRenameConstraint rk = (SqlRenameConstraint) roundTrip(
        "ALTER TABLE t RENAME CONSTRAINT t_a_check TO positive", SqlAlterTable.class).action();
    assertThat(rk.oldName().getSimple()).isEqualTo("t_a_check");
    assertThat(rk.newName().getSimple()).isEqualTo("positive");
  }

  @Test
  void alterIndexRename() {
    SqlAlterIndex a = roundTrip("ALTER INDEX t_a_idx RENAME TO t_a", SqlAlterIndex.class);
    assertThat(a.getKind()).isEqualTo(SqlKind.ALTER_INDEX);
    assertThat(a.ifExists()).isFalse();
    assertThat(a.name().getSimple()).isEqualTo("t_a_idx");
    assertThat(a.newName().getSimple()).isEqualTo("t_a");
    a = roundTrip("ALTER INDEX IF EXISTS s.i RENAME TO j", SqlAlterIndex.class);
    assertThat(a.ifExists()).isTrue();
    assertThat(a.name().names).containsExactly("s", "i");
  }

  @Test
  void alterTableConstraintsColumnsAndSeveralActions() {
    final SqlAlterTable a = roundTrip("ALTER TABLE ONLY t"
        + " ADD CONSTRAINT t_pkey PRIMARY KEY (id),"
        + " DROP CONSTRAINT IF EXISTS old_check,"
        + " ALTER COLUMN a SET DEFAULT 0,"
        + " ALTER b DROP DEFAULT,"
        + " ALTER COLUMN c SET NOT NULL,"
        + " ALTER COLUMN d DROP NOT NULL,"
        + " ALTER COLUMN e TYPE bigint,"
        + " ALTER COLUMN f SET DATA TYPE text USING f::text",
        SqlAlterTable.class);
    assertThat(a.actions()).hasSize(8);
    final SqlAddConstraint add = (SqlAddConstraint) a.actions().get(0);
    assertThat(add.constraint().kind()).isEqualTo(SqlTableConstraint.Kind.PRIMARY_KEY);
    assertThat(((SqlDropConstraint) a.actions().get(1)).ifExists()).isTrue();
    assertThat(a.actions().subList(2, 8)).extracting(n -> ((SqlAlterColumn) n).kind())
        .containsExactly(SqlAlterColumn.Kind.SET_DEFAULT, SqlAlterColumn.Kind.DROP_DEFAULT,
            SqlAlterColumn.Kind.SET_NOT_NULL, SqlAlterColumn.Kind.DROP_NOT_NULL,
            SqlAlterColumn.Kind.SET_TYPE, SqlAlterColumn.Kind.SET_TYPE);
    assertThat(sql(((SqlAlterColumn) a.actions().get(7)).expression()))
        .isEqualTo("CAST(\"f\" AS TEXT)");
  }

  @Test
  void truncate() {
    SqlTruncateTable t = roundTrip("TRUNCATE t", SqlTruncateTable.class);
    assertThat(t.getKind()).isEqualTo(SqlKind.TRUNCATE_TABLE);
    assertThat(t.names()).hasSize(1);
    assertThat(t.restartIdentity()).isNull();
    t = roundTrip("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE", SqlTruncateTable.class);
    assertThat(t.names()).extracting(Object::toString).containsExactly("a", "b");
    assertThat(t.restartIdentity()).isTrue();
    assertThat(t.behavior()).isEqualTo(DropBehavior.CASCADE);
    assertThat(roundTrip("TRUNCATE a CONTINUE IDENTITY", SqlTruncateTable.class)
        .restartIdentity()).isFalse();
  }

  @Test
  void createIndex() {
    SqlCreateIndex i = roundTrip("CREATE INDEX ON t (a)", SqlCreateIndex.class);
    assertThat(i.getKind()).isEqualTo(SqlKind.CREATE_INDEX);
    assertThat(i.name()).isNull();
    assertThat(i.isUnique()).isFalse();
    assertThat(i.table().getSimple()).isEqualTo("t");
    i = roundTrip("CREATE UNIQUE INDEX IF NOT EXISTS t_ab ON s.t USING btree"
        + " (a DESC NULLS FIRST, b ASC, lower(c) NULLS LAST) WHERE a > 0", SqlCreateIndex.class);
    assertThat(i.isUnique()).isTrue();
    assertThat(i.ifNotExists()).isTrue();
    assertThat(i.name().getSimple()).isEqualTo("t_ab");
    assertThat(i.method()).isEqualTo("btree");
    assertThat(i.columns()).extracting(SqlNode::getKind).containsExactly(
        SqlKind.NULLS_FIRST, SqlKind.IDENTIFIER, SqlKind.NULLS_LAST);
    assertThat(sql(i.columns().get(0))).isEqualTo("\"a\" DESC NULLS FIRST");
    assertThat(sql(i.where())).isEqualTo("\"a\" > 0");
  }

  @Test
  void dropIndex() {
    final SqlDropIndex d = roundTrip("DROP INDEX IF EXISTS t_ab", SqlDropIndex.class);
    assertThat(d.getKind()).isEqualTo(SqlKind.DROP_INDEX);
    assertThat(d.ifExists()).isTrue();
    assertThat(d.name().getSimple()).isEqualTo("t_ab");
  }

  @Test
  void createAndDropView() {
    SqlCreateView v = roundTrip("CREATE VIEW v AS SELECT a FROM t", SqlCreateView.class);
    assertThat(v.getKind()).isEqualTo(SqlKind.CREATE_VIEW);
    assertThat(v.getReplace()).isFalse();
    assertThat(v.columnList()).isNull();
    v = roundTrip("CREATE OR REPLACE VIEW s.v (x, y) AS SELECT a, b FROM t ORDER BY a LIMIT 3",
        SqlCreateView.class);
    assertThat(v.getReplace()).isTrue();
    assertThat(v.columnList()).extracting(Object::toString).containsExactly("x", "y");
    assertThat(v.query()).isInstanceOf(SqlOrderBy.class);
    final SqlDropView d = roundTrip("DROP VIEW IF EXISTS v, w", SqlDropView.class);
    assertThat(d.getKind()).isEqualTo(SqlKind.DROP_VIEW);
    assertThat(d.names()).hasSize(2);
  }

  @Test
  void databasesAndSchemas() {
    assertThat(roundTrip("CREATE DATABASE shop", SqlCreateDatabase.class).name().getSimple())
        .isEqualTo("shop");
    SqlDropDatabase dd = roundTrip("DROP DATABASE IF EXISTS shop", SqlDropDatabase.class);
    assertThat(dd.ifExists()).isTrue();
    assertThat(dd.name().getSimple()).isEqualTo("shop");
    final SqlCreateSchema cs = roundTrip("CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION bob",
        SqlCreateSchema.class);
    assertThat(cs.ifNotExists()).isTrue();
    assertThat(cs.name().getSimple()).isEqualTo("app");
    assertThat(cs.authorization().getSimple()).isEqualTo("bob");
    assertThat(roundTrip("CREATE SCHEMA app", SqlCreateSchema.class).authorization()).isNull();
    final SqlDropSchema ds = roundTrip("DROP SCHEMA IF EXISTS app CASCADE", SqlDropSchema.class);
    assertThat(ds.behavior()).isEqualTo(DropBehavior.CASCADE);
    assertThat(ds.getKind()).isEqualTo(SqlKind.DROP_SCHEMA);
  }

  @Test
  void sequences() {
    SqlCreateSequence s = roundTrip("CREATE SEQUENCE seq", SqlCreateSequence.class);
    assertThat(s.options().isEmpty()).isTrue();
    s = roundTrip("CREATE SEQUENCE IF NOT EXISTS s.seq START WITH 100 INCREMENT BY 10",
        SqlCreateSequence.class);
    assertThat(s.ifNotExists()).isTrue();
    assertThat(s.options().start()).isEqualTo(100L);
    assertThat(s.options().increment()).isEqualTo(10L);
    s = roundTrip("CREATE SEQUENCE seq START 5 INCREMENT -1 MINVALUE -100 NO MAXVALUE CACHE 1"
        + " NO CYCLE", SqlCreateSequence.class);
    assertThat(s.options().start()).isEqualTo(5L);
    assertThat(s.options().increment()).isEqualTo(-1L);
    assertThat(s.options().minValue()).isEqualTo(-100L);
    assertThat(s.options().maxValue()).isNull();
    assertThat(s.options().cache()).isEqualTo(1L);
    assertThat(s.options().cycle()).isFalse();
    s = roundTrip("CREATE SEQUENCE seq AS smallint MAXVALUE 100 OWNED BY t.id",
        SqlCreateSequence.class);
    assertThat(s.options().type().getTypeName().getSimple()).isEqualToIgnoringCase("SMALLINT");
    assertThat(s.options().ownedBy().names).containsExactly("t", "id");
    assertThat(s.options().noMaxValue()).isFalse();
    s = roundTrip("CREATE SEQUENCE seq NO MINVALUE OWNED BY NONE", SqlCreateSequence.class);
    assertThat(s.options().ownedByNone()).isTrue();
    assertThat(s.options().noMinValue()).isTrue();
    SqlAlterSequence a = roundTrip("ALTER SEQUENCE IF EXISTS s.seq RESTART WITH 7 INCREMENT 2",
        SqlAlterSequence.class);
    assertThat(a.ifExists()).isTrue();
    assertThat(a.options().restart()).isTrue();
    assertThat(a.options().restartValue()).isEqualTo(7L);
    assertThat(a.options().increment()).isEqualTo(2L);
    a = roundTrip("ALTER SEQUENCE seq RESTART", SqlAlterSequence.class);
    assertThat(a.options().restart()).isTrue();
    assertThat(a.options().restartValue()).isNull();
    assertThat(a.getKind()).isEqualTo(SqlKind.ALTER_SEQUENCE);
    parseError("ALTER SEQUENCE seq");
    final SqlDropSequence d = roundTrip("DROP SEQUENCE IF EXISTS seq", SqlDropSequence.class);
    assertThat(d.getKind()).isEqualTo(SqlKind.DROP_SEQUENCE);
  }
}
