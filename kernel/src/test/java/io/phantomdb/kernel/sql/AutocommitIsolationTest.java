package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A statement outside a block is a transaction of its own at {@code default_transaction_isolation},
 * as in PostgreSQL: blocked behind a concurrent update of its row, READ COMMITTED goes on with the
 * newest version, REPEATABLE READ and SERIALIZABLE fail with 40001.
 */
class AutocommitIsolationTest extends HermitageHarness {
  @ParameterizedTest
  @EnumSource(Level.class)
  void aSingleUpdateBehindAConcurrentUpdate(Level level) {
    ok(2, "SET default_transaction_isolation = '" + level.sql.toLowerCase(java.util.Locale.ROOT) + "'");
    begin(Level.READ_COMMITTED, 1);
    ok(1, "UPDATE test SET v = v + 1 WHERE id = 1");
    Future<Outcome> t2 = blocks(2, "UPDATE test SET v = v * 2 WHERE id = 1");
    ok(1, "COMMIT");
    Outcome unblocked = await(t2);
    if (level == Level.READ_COMMITTED) {
      assertThat(unblocked.result()).isEqualTo("UPDATE 1");
      assertThat(table()).isEqualTo("1=>22 2=>20");
    } else {
      assertConcurrentUpdate(unblocked.error());
      assertThat(table()).isEqualTo("1=>11 2=>20");
    }
    assertThat(ok(2, "UPDATE test SET v = 0 WHERE id = 2")).isEqualTo("UPDATE 1"); // the session goes on
  }
}
