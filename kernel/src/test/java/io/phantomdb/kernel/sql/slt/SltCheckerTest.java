package io.phantomdb.kernel.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SltCheckerTest {
  /**
   * The result of select1.test line 102, {@code SELECT a+b*2+c*3+d*4+e*5, (a+b+c+d+e)/5 FROM t1
   * ORDER BY 1,2}, computed by hand (a script) from the file's 30 INSERTs: the file says it is
   * "60 values hashing to 808146289313018fce25f1a280bd8c30".
   */
  private static final int[][] SELECT1_LINE_102 = {
      {1529, 102}, {1612, 107}, {1680, 112}, {1757, 117}, {1826, 122}, {1902, 127}, {1985, 132},
      {2046, 137}, {2131, 142}, {2202, 147}, {2281, 152}, {2349, 157}, {2432, 162}, {2501, 167},
      {2579, 172}, {2654, 177}, {2728, 182}, {2806, 187}, {2878, 192}, {2949, 197}, {3039, 202},
      {3114, 207}, {3175, 212}, {3260, 217}, {3331, 222}, {3399, 227}, {3473, 232}, {3553, 237},
      {3629, 242}, {3706, 247}};
  private static final String SELECT1_HASH = "60 values hashing to 808146289313018fce25f1a280bd8c30";

  private static List<String> values(int[][] rows) {
    List<String> v = new ArrayList<>();
    for (int[] row : rows) {
      for (int x : row) {
        v.add(Integer.toString(x));
      }
    }
    return v;
  }

  private static Query query(String types, SortMode sort, String label, String... expected) {
    return new Query(1, List.of(), types, sort, label, "SELECT ...", List.of(expected));
  }

  @Test
  void md5IsOverValuesEachFollowedByALineFeed() {
    assertThat(SltChecker.md5(List.of())).isEqualTo("d41d8cd98f00b204e9800998ecf8427e"); // MD5("")
    assertThat(SltChecker.md5(List.of("1", "2"))).isEqualTo("6ddb4095eb719e2a9f0a3f95677d24e0"); // MD5("1\n2\n")
    assertThat(SltChecker.hashLine(60, SltChecker.md5(values(SELECT1_LINE_102)))).isEqualTo(SELECT1_HASH);
  }

  @Test
  void largeResultsAreComparedByHash() {
    SltChecker checker = new SltChecker();
    assertThat(checker.check(query("II", SortMode.NOSORT, null, SELECT1_HASH), values(SELECT1_LINE_102))).isNull();
    List<String> wrong = values(SELECT1_LINE_102);
    wrong.set(59, "248");
    assertThat(checker.check(query("II", SortMode.NOSORT, null, SELECT1_HASH), wrong))
        .startsWith("wrong result hash: expected [" + SELECT1_HASH + "] but got [60 values hashing to ");
  }

  @Test
  void rowsortSortsRowsThenHashes() {
    List<int[]> rows = new ArrayList<>(List.of(SELECT1_LINE_102));
    Collections.shuffle(rows, new Random(42));
    List<String> shuffled = values(rows.toArray(int[][]::new));
    SltChecker checker = new SltChecker();
    assertThat(checker.check(query("II", SortMode.NOSORT, null, SELECT1_HASH), shuffled)).isNotNull();
    assertThat(checker.check(query("II", SortMode.ROWSORT, null, SELECT1_HASH), shuffled)).isNull();
  }

  @Test
  void sortingComparesTextNotNumbers() {
    assertThat(SltChecker.sort(List.of("9", "b", "10", "a"), 2, SortMode.ROWSORT))
        .containsExactly("10", "a", "9", "b");
    assertThat(SltChecker.sort(List.of("9", "b", "10", "a"), 2, SortMode.VALUESORT))
        .containsExactly("10", "9", "a", "b");
    assertThat(SltChecker.sort(List.of("1", "z", "1", "a"), 2, SortMode.ROWSORT))
        .containsExactly("1", "a", "1", "z");
    assertThat(SltChecker.sort(List.of("9", "b", "10", "a"), 2, SortMode.NOSORT))
        .containsExactly("9", "b", "10", "a");
  }

  @Test
  void smallResultsAreComparedValueByValue() {
    SltChecker checker = new SltChecker();
    assertThat(checker.check(query("IT", SortMode.ROWSORT, null, "1", "a", "2", "NULL"),
        List.of("2", "NULL", "1", "a"))).isNull();
    assertThat(checker.check(query("I", SortMode.NOSORT, null, "1", "2"), List.of("1", "3")))
        .startsWith("wrong result: expected 2 values, got 2; first difference at value 2: expected [2] but got [3]");
    // stricter than the C runner: a missing or extra value is a mismatch
    assertThat(checker.check(query("I", SortMode.NOSORT, null, "1", "2"), List.of("1"))).isNotNull();
    assertThat(checker.check(query("I", SortMode.NOSORT, null), List.of("1"))).isNotNull();
    assertThat(checker.check(query("I", SortMode.NOSORT, null), List.of())).isNull();
  }

  @Test
  void thresholdDecidesBetweenValuesAndHash() {
    List<String> nine = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    String hashed = SltChecker.hashLine(9, SltChecker.md5(nine));
    SltChecker checker = new SltChecker();
    assertThat(checker.check(query("I", SortMode.NOSORT, null, hashed), nine)).isNull();
    assertThat(checker.check(query("I", SortMode.NOSORT, null, nine.toArray(String[]::new)), nine)).isNotNull();
    checker.hashThreshold(0);
    assertThat(checker.check(query("I", SortMode.NOSORT, null, nine.toArray(String[]::new)), nine)).isNull();
    checker.hashThreshold(9);
    assertThat(checker.check(query("I", SortMode.NOSORT, null, nine.toArray(String[]::new)), nine)).isNull();
  }

  @Test
  void queriesWithTheSameLabelMustAgree() {
    SltChecker checker = new SltChecker();
    assertThat(checker.check(query("I", SortMode.ROWSORT, "label-1", "1", "2"), List.of("2", "1"))).isNull();
    assertThat(checker.check(query("I", SortMode.ROWSORT, "label-1", "1", "2"), List.of("1", "2"))).isNull();
    assertThat(checker.check(query("I", SortMode.ROWSORT, "label-1", "1", "2"), List.of("1", "3")))
        .isEqualTo("labeled result [label-1] does not agree with previous values");
  }

  @Test
  void skippedLabeledQueriesStillRecordTheirExpectedHash() {
    SltChecker checker = new SltChecker();
    assertThat(checker.skipped(query("I", SortMode.NOSORT, "label-2", "1", "2"))).isNull();
    assertThat(checker.skipped(query("I", SortMode.NOSORT, "label-3", SELECT1_HASH))).isNull();
    assertThat(checker.check(query("I", SortMode.NOSORT, "label-2", "1", "3"), List.of("1", "3")))
        .isEqualTo("labeled result [label-2] does not agree with previous values");
    assertThat(checker.check(query("II", SortMode.NOSORT, "label-3", SELECT1_HASH), values(SELECT1_LINE_102))).isNull();
  }
}
