package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

/** Syntax errors: PostgreSQL's message, the offending token and its position. */
class SyntaxErrorTest {
  @Test
  void unexpectedToken() {
    final PhantomSqlParseException e = parseError("SELECT * FROMM t");
    assertThat(e).isInstanceOf(SqlParseException.class);
    assertThat(e.isSyntaxError()).isTrue();
    assertThat(e.token()).isEqualTo("t");
    assertThat(e.position()).isEqualTo(16);
    assertThat(e.pgMessage()).isEqualTo("syntax error at or near \"t\"");
    assertThat(e.getPos().getLineNum()).isEqualTo(1);
    assertThat(e.getPos().getColumnNum()).isEqualTo(16);
  }

  @Test
  void keywordInTheWrongPlace() {
    final PhantomSqlParseException e = parseError("SELECT a FROM t WHERE");
    assertThat(e.isEndOfInput()).isTrue();
    assertThat(e.position()).isEqualTo(22);
    assertThat(e.pgMessage()).isEqualTo("syntax error at end of input");
    final PhantomSqlParseException e2 = parseError("SELECT a FROM WHERE x = 1");
    assertThat(e2.token()).isEqualTo("WHERE");
    assertThat(e2.position()).isEqualTo(15);
    assertThat(e2.pgMessage()).isEqualTo("syntax error at or near \"WHERE\"");
  }

  @Test
  void positionCountsCharactersOverLines() {
    final PhantomSqlParseException e = parseError("SELECT a,\n  b\nFROM t\nWHERE a = = 1");
    assertThat(e.token()).isEqualTo("=");
    assertThat(e.position()).isEqualTo("SELECT a,\n  b\nFROM t\nWHERE a = ".length() + 1);
    assertThat(e.getPos().getLineNum()).isEqualTo(4);
  }

  @Test
  void lexicalError() {
    final PhantomSqlParseException e = parseError("SELECT 1 # 2");
    assertThat(e.isSyntaxError()).isTrue();
    assertThat(e.token()).isEqualTo("#");
    assertThat(e.position()).isEqualTo(10);
  }

  @Test
  void unterminatedString() {
    final PhantomSqlParseException e = parseError("SELECT 'abc");
    assertThat(e.isSyntaxError()).isTrue();
    assertThat(e.position()).isGreaterThan(0);
  }

  @Test
  void errorsInPostgresStatements() {
    assertThat(parseError("CREATE TABLE t (a int,)").token()).isEqualTo(")");
    assertThat(parseError("INSERT INTO t VALUES (1) RETURNING").isEndOfInput()).isTrue();
    assertThat(parseError("BEGIN ISOLATION LEVEL SOMETIMES").token()).isEqualTo("SOMETIMES");
    assertThat(parseError("SELECT x::").isEndOfInput()).isTrue();
  }

  @Test
  void multipleStatements() throws Exception {
    final List<SqlNode> list = PhantomSqlParser.parseStatements(
        "CREATE TABLE t (a int); INSERT INTO t VALUES (1);\nSELECT * FROM t;");
    assertThat(list).hasSize(3);
    assertThat(PhantomSqlParser.parseStatements("")).isEmpty();
    assertThat(PhantomSqlParser.parseStatements("  -- nothing\n")).isEmpty();
    assertThat(PhantomSqlParser.parseStatement("SELECT 1;")).isNotNull();
    final PhantomSqlParseException e = parseError("SELECT 1; SELECT 2");
    assertThat(e.pgMessage()).isEqualTo("cannot insert multiple commands into a prepared statement");
    assertThat(e.position()).isEqualTo(11);
    assertThatThrownBy(() -> PhantomSqlParser.parseStatements("SELECT 1; SELEC 2"))
        .isInstanceOfSatisfying(PhantomSqlParseException.class, x -> {
          assertThat(x.token()).isEqualTo("SELEC");
          assertThat(x.position()).isEqualTo(11);
        });
  }

  @Test
  void badParameters() {
    final PhantomSqlParseException e = parseError("SELECT $0");
    assertThat(e.pgMessage()).isEqualTo("there is no parameter $0");
    assertThat(e.position()).isEqualTo(8);
  }
}
