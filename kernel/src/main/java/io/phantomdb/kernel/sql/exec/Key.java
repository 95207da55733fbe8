package io.phantomdb.kernel.sql.exec;

/** A key tuple usable in hash maps, with equality from a {@link KeyEquivalence}. */
final class Key {
  final Object[] values;
  private final KeyEquivalence eq;
  private final int hash;

  Key(Object[] values, KeyEquivalence eq) {
    this.values = values;
    this.eq = eq;
    this.hash = eq.hash(values);
  }

  boolean hasNull() {
    for (Object v : values) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key k && k.hash == hash && eq.equal(values, k.values);
  }
}
