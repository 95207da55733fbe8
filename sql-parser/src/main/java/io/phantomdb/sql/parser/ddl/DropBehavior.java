package io.phantomdb.sql.parser.ddl;

/** {@code CASCADE} or {@code RESTRICT} at the end of a DROP / TRUNCATE / ALTER TABLE DROP. */
public enum DropBehavior {
  CASCADE,
  RESTRICT
}
