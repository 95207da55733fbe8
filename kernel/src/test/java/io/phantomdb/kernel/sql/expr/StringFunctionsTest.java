package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFunctionsTest extends ExprTestBase {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "s || 'x';hello!x", "s || cast(i as varchar);hello!7", "concat(s, 'a', s);hello!ahello!",
    "concat_ws('-', s, 'a');hello!-a", "lower(s);hello!", "upper(s);HELLO!", "initcap('hello wORLD-foo bar9x');Hello World-Foo Bar9x",
    "char_length(s);6", "character_length(s);6", "length('héllo');5", "octet_length('héllo');6",
    "char_length(c3);2", "octet_length(c3);3",
    "substring(s from 2 for 3);ell", "substring(s from 2);ello!", "substring(s from -1 for 3);h",
    "substring(s from 10);''", "substr(s, 2, 2);el", "substring('héllo' from 2 for 2);él",
    "position('l' in s);3", "position('z' in s);0", "position('' in s);1", "strpos(s, 'lo');4",
    "trim(both 'x' from 'xxaxx');a", "trim('  a  ');a", "trim(leading 'x' from 'xxaxx');axx",
    "trim(trailing 'x' from 'xxaxx');xxa", "ltrim('  a ');'a '", "rtrim('  a ');'  a'", "btrim('xyaxy', 'xy');a",
    "btrim('  a ');a", "replace('abcabc', 'b', 'X');aXcaXc", "replace('abc', '', 'X');abc",
    "left('abcde', 2);ab", "left('abcde', -2);abc", "left('abcde', 9);abcde", "right('abcde', 2);de",
    "right('abcde', -2);cde", "lpad('hi', 5);'   hi'", "lpad('hi', 5, 'xy');xyxhi", "lpad('hello', 2);he",
    "rpad('hi', 5, 'xy');hixyx", "rpad('hi', 1);h", "lpad('hi', 5, '');hi", "lpad('hi', -1);''",
    "repeat('ab', 3);ababab", "repeat('ab', 0);''", "repeat('ab', -1);''", "reverse('abc');cba",
    "split_part('a,b,c', ',', 2);b", "split_part('a,b,c', ',', -1);c", "split_part('a,b,c', ',', 4);''",
    "split_part('a,b,c', '', 1);a,b,c", "starts_with(s, 'he');t", "starts_with(s, 'x');f",
    "md5('abc');900150983cd24fb0d6963f7d28e17f72", "md5('');d41d8cd98f00b204e9800998ecf8427e",
    "ascii('A');65", "ascii('');0", "chr(65);A", "chr(8364);€", "translate('12345', '143', 'ax');a2x5"
  })
  void functions(String expr, String expected) {
    assertThat(text(expr, "s", "hello!", "i", 7, "c3", "ab ")).as(expr).isEqualTo(expected);
  }

  @Test
  void nullPropagation() {
    for (String e : new String[] {"s || 'x'", "lower(s)", "length(s)", "substring(s from 2)", "position('a' in s)",
        "trim(s)", "replace(s, 'a', 'b')", "left(s, 2)", "lpad(s, 3)", "repeat(s, 2)", "reverse(s)",
        "split_part(s, ',', 1)", "md5(s)", "s || i", "upper(s)", "initcap(s)", "btrim(s, 'x')"}) {
      assertThat(eval(e)).as(e).isNull();
    }
    assertThat(eval("concat(s, 'a', s)")).isEqualTo("a");
    assertThat(eval("concat_ws(',', 'a', s, 'b')")).isEqualTo("a,b");
  }

  @Test
  void errors() {
    fails("substring(s from 1 for -1)", "22011", "negative substring length not allowed", "s", "abc");
    fails("split_part(s, ',', 0)", "22023", "field position must not be zero", "s", "abc");
    fails("chr(0)", "54000", "null character not permitted");
  }

  @Test
  void bytea() {
    assertThat(text("ba || ba", "ba", new byte[] {1, 2})).isEqualTo("\\x01020102");
    assertThat(eval("octet_length(ba)", "ba", new byte[] {1, 2})).isEqualTo(2);
    assertThat(eval("md5(ba)", "ba", "abc".getBytes())).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }
}
