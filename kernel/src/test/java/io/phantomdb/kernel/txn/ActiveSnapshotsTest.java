package io.phantomdb.kernel.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveSnapshotsTest {
  private final AtomicLong latest = new AtomicLong(100);
  private final ActiveSnapshots snapshots = new ActiveSnapshots(latest::get);

  @Test
  void theHorizonIsTheOldestRegistrationTheLatestCommitOrTheBound() {
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(100);
    assertThat(snapshots.horizon(40)).isEqualTo(40);
    ActiveSnapshots.Registration a = snapshots.pin();
    latest.set(200);
    ActiveSnapshots.Registration b = snapshots.pin();
    assertThat(a.ts()).isEqualTo(100);
    assertThat(b.ts()).isEqualTo(200);
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(100);
    assertThat(snapshots.oldest()).isEqualTo(100);
    a.close();
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(200);
    latest.set(300);
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(200);
    b.close();
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(300);
    assertThat(snapshots.oldest()).isEqualTo(-1);
  }

  @Test
  void registrationsOfOneTimestampCountAndCloseIsIdempotent() {
    ActiveSnapshots.Registration a = snapshots.pin();
    ActiveSnapshots.Registration b = snapshots.register(100);
    assertThat(snapshots.size()).isEqualTo(2);
    latest.set(500);
    a.close();
    a.close();
    assertThat(snapshots.size()).isEqualTo(1);
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(100);
    b.close();
    assertThat(snapshots.size()).isZero();
    assertThat(snapshots.horizon(Long.MAX_VALUE)).isEqualTo(500);
  }
}
