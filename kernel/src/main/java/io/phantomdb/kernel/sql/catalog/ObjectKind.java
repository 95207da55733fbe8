package io.phantomdb.kernel.sql.catalog;

/** The kinds of catalog object; the byte is the first byte of the object's catalog key. */
public enum ObjectKind {
  DATABASE(1),
  SCHEMA(2),
  TABLE(3),
  VIEW(4),
  SEQUENCE(5),
  ROLE(6);

  private final byte tag;

  ObjectKind(int tag) {
    this.tag = (byte) tag;
  }

  /** @return the key tag */
  public byte tag() {
    return tag;
  }

  /**
   * @param tag a key tag
   * @return the kind with that tag
   */
  public static ObjectKind ofTag(byte tag) {
    for (ObjectKind k : values()) {
      if (k.tag == tag) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown catalog object tag " + tag);
  }
}
