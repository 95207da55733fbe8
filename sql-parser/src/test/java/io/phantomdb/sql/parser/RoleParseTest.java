package io.phantomdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.sql.parser.ddl.SqlAlterRole;
import io.phantomdb.sql.parser.ddl.SqlCreateRole;
import io.phantomdb.sql.parser.ddl.SqlDropRole;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** CREATE / ALTER / DROP ROLE | USER: options are kept as words and literals. */
class RoleParseTest {

  private static SqlNode parse(String sql) throws PhantomSqlParseException {
    return PhantomSqlParser.parseStatement(sql);
  }

  @Test
  void createRoleKeepsItsOptions() throws Exception {
    SqlCreateRole r = (SqlCreateRole) parse(
        "CREATE ROLE app WITH LOGIN NOSUPERUSER PASSWORD 'pw' VALID UNTIL '2030-01-01' CONNECTION LIMIT -1");
    assertThat(r.isUser()).isFalse();
    assertThat(r.name().getSimple()).isEqualTo("app");
    assertThat(r.options().getList()).hasSize(10);
    assertThat(r.options().get(0).toString().toLowerCase()).isEqualTo("login");
    SqlCreateRole u = (SqlCreateRole) parse("CREATE USER bob");
    assertThat(u.isUser()).isTrue();
    assertThat(u.options().getList()).isEmpty();
  }

  @Test
  void alterAndDrop() throws Exception {
    SqlAlterRole rename = (SqlAlterRole) parse("ALTER USER app RENAME TO app2");
    assertThat(rename.newName().getSimple()).isEqualTo("app2");
    SqlAlterRole password = (SqlAlterRole) parse("ALTER ROLE app PASSWORD NULL");
    assertThat(password.newName()).isNull();
    assertThat(password.options().getList()).hasSize(2);
    SqlDropRole drop = (SqlDropRole) parse("DROP ROLE IF EXISTS a, b");
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.names().getList()).hasSize(2);
    assertThatThrownBy(() -> parse("CREATE OR REPLACE ROLE a")).isInstanceOf(PhantomSqlParseException.class);
  }
}
