package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternTest extends ExprTestBase {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "abc|s like 'a%'|true", "abc|s like 'a_c'|true", "abc|s like 'a_'|false", "abc|s like '%'|true",
    "abc|s like 'A%'|false", "abc|s ilike 'A%'|true", "abc|s not like 'a%'|false", "abc|s not ilike 'A_C'|false",
    "a%c|s like 'a\\%c'|true", "abc|s like 'a\\%c'|false", "a_c|s like 'a!_c' escape '!'|true",
    "abc|s like 'a!_c' escape '!'|false", "a\\c|s like 'a\\\\c'|true",
    "a.c|s like 'a.c'|true", "abc|s like 'a.c'|false", "a(b)*|s like 'a(b)*'|true", "a[b]|s like 'a[b]'|true",
    "ÄbC|s ilike 'äB%'|true", "abc|s similar to 'a'|false", "aaa|s similar to 'a+'|true", "abc|s similar to '[a-c]*'|true",
    "abd|s similar to 'ab[^d]'|false", "a.c|s similar to 'a.c'|true", "abc|s similar to 'a.c'|false",
    "abc|s not similar to 'a_c'|false", "ab|s similar to 'a{1,2}b'|true"
  })
  void patterns(String value, String expr, boolean expected) {
    assertThat(eval(expr, "s", value)).as(value + " " + expr).isEqualTo(expected);
  }

  @Test
  void multiLineAndNulls() {
    assertThat(eval("s like 'a_b'", "s", "a\nb")).isEqualTo(true);
    assertThat(eval("s like 'a%'")).isNull();
    assertThat(eval("'abc' like s")).isNull();
    assertThat(eval("s like v5", "s", "abc", "v5", "a%")).isEqualTo(true);
    assertThat(eval("s like v5 escape '#'", "s", "a%", "v5", "a#%")).isEqualTo(true);
  }

  @Test
  void alternation() {
    assertThat(eval("s similar to 'a(b|x)c'", "s", "abc")).isEqualTo(true);
    assertThat(eval("s similar to '%(b|d)%'", "s", "abc")).isEqualTo(true);
    assertThat(eval("s similar to '(x|y)%'", "s", "abc")).isEqualTo(false);
  }

  @Test
  void emptyEscapeTurnsEscapingOff() {
    // (Calcite's validator fails on ESCAPE '' itself, so this is checked below it)
    assertThat(Patterns.compile("a\\c", "", false, 0).matcher("a\\c").matches()).isTrue();
    assertThat(Patterns.compile("a\\%", "", false, 0).matcher("a\\xyz").matches()).isTrue();
    fails(() -> Patterns.compile("a", "ab", false, 0), "22025", "invalid escape string");
  }

  @Test
  void badEscapes() {
    fails("s like 'ab!' escape '!'", "22025", "LIKE pattern must not end with escape character", "s", "ab");
    fails("s like 'ab\\'", "22025", "LIKE pattern must not end with escape character", "s", "ab");
  }
}
