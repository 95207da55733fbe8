package io.phantomdb.kernel.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.KeyRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSI registry on its own: edges, dangerous structures, the read-only rule, forgetting. */
class SsiRegistryTest {
  private static final byte[] X = {1, 1};
  private static final byte[] Y = {1, 2};
  private static final byte[] OTHER = {2, 1};
  private static final KeyRange TABLE = KeyRange.prefix(new byte[] {1});

  private final SsiRegistry registry = new SsiRegistry();
  private long clock = 10;

  private SerializableTransaction begin() {
    return registry.register(clock, () -> clock);
  }

  private void read(SerializableTransaction t, byte[] key) {
    registry.recordRead(t, VersionedKeys.visibleVersions(key, t.snapshotTs()));
  }

  private void write(SerializableTransaction t, byte[] key) {
    registry.recordWrites(t, List.of(key));
  }

  private void commit(SerializableTransaction t) {
    registry.commit(t, () -> ++clock, () -> clock);
  }

  private void commitReadOnly(SerializableTransaction t) {
    registry.commit(t, () -> -1, () -> clock);
  }

  private static String reason(Runnable r) {
    SqlException e = catchThrowableOfType(r::run, SqlException.class);
    assertThat(e).as("40001 expected").isNotNull();
    assertThat(e.sqlState()).isEqualTo("40001");
    return e.detail();
  }

  @Test
  void writeSkewDoomsThePivotWhenTheOtherCommits() {
    SerializableTransaction a = begin();
    SerializableTransaction b = begin();
    read(a, X);
    read(a, Y);
    read(b, X);
    read(b, Y);
    write(a, X);
    write(b, Y);
    commit(a);
    assertThat(b.isDoomed()).isTrue();
    assertThat(reason(() -> read(b, OTHER))).endsWith("during conflict out checking.");
    assertThat(reason(() -> write(b, OTHER))).endsWith("during conflict in checking.");
    assertThat(reason(() -> commit(b))).isEqualTo("Reason code: Canceled on identification as a pivot, during commit attempt.");
    registry.end(b, () -> clock);
    assertThat(registry.retained(clock)).isZero();
  }

  @Test
  void aPredicateReadConflictsWithAnInsertInItsRangeOnly() {
    SerializableTransaction a = begin();
    SerializableTransaction b = begin();
    registry.recordRead(a, TABLE);
    registry.recordRead(b, TABLE);
    write(a, OTHER); // outside the range b read
    write(b, Y);
    commit(a);
    assertThat(b.isDoomed()).isFalse();
    commit(b);
  }

  @Test
  void readOnlyAnomalyFailsThePivotAsItWrites() {
    SerializableTransaction t1 = begin();
    read(t1, Y);
    SerializableTransaction t2 = begin();
    write(t2, Y); // t1 ->rw t2
    commit(t2);
    SerializableTransaction t3 = begin(); // sees t2
    read(t3, X);
    read(t3, Y);
    commitReadOnly(t3);
    assertThat(reason(() -> write(t1, X))) // t3 ->rw t1 ->rw t2, t2 first and seen by t3
        .isEqualTo("Reason code: Canceled on identification as a pivot, during write.");
  }

  @Test
  void aReadOnlyTransactionThatDidNotSeeTheOutCommitIsSafe() {
    SerializableTransaction t1 = begin();
    read(t1, Y);
    SerializableTransaction t3 = begin(); // its snapshot precedes t2's commit
    SerializableTransaction t2 = begin();
    write(t2, Y);
    commit(t2);
    read(t3, X);
    commitReadOnly(t3);
    assertThatCode(() -> write(t1, X)).doesNotThrowAnyException();
    commit(t1);
  }

  @Test
  void aWritingTransactionInTheSamePlaceMakesThePivotFail() {
    SerializableTransaction t1 = begin();
    read(t1, Y);
    SerializableTransaction t3 = begin();
    SerializableTransaction t2 = begin();
    write(t2, Y);
    commit(t2);
    read(t3, X);
    write(t3, OTHER);
    commit(t3); // t3 committed after t2 and is not read-only
    assertThat(reason(() -> write(t1, X))).endsWith("during write.");
  }

  @Test
  void aReaderOfACommittedPivotFailsAsItReads() {
    SerializableTransaction in = begin();
    SerializableTransaction pivot = begin();
    SerializableTransaction out = begin();
    read(pivot, X);
    write(out, X); // pivot ->rw out
    commit(out);
    write(pivot, Y);
    commit(pivot); // no in-conflict yet
    assertThat(reason(() -> read(in, Y))).isEqualTo(
        "Reason code: Canceled on conflict out to pivot " + pivot.id() + ", during read.");
  }

  @Test
  void aRolledBackTransactionTakesItsEdgesAlong() {
    SerializableTransaction a = begin();
    SerializableTransaction b = begin();
    read(a, X);
    read(b, Y);
    write(b, X); // a ->rw b
    registry.end(a, () -> clock);
    write(b, Y);
    commit(b);
    assertThat(registry.retained(clock)).isZero();
  }

  @Test
  void committedTransactionsStayWhileAnActiveOneOverlapsThem() {
    SerializableTransaction old = begin();
    SerializableTransaction w = begin();
    write(w, X);
    commit(w);
    assertThat(registry.retained(clock)).isEqualTo(2);
    read(old, X); // still finds w: old ->rw w
    commitReadOnly(old);
    assertThat(registry.retained(clock)).isZero();
  }
}
