package io.phantomdb.sql.parser.stmt;

import org.apache.calcite.sql.SqlWriter;

/**
 * The transaction modes of BEGIN, START TRANSACTION and SET TRANSACTION:
 * {@code ISOLATION LEVEL level}, {@code READ ONLY | READ WRITE}, {@code [NOT] DEFERRABLE}. A mode
 * not written is null. Immutable.
 */
public final class TransactionModes {
  /** No mode written. */
  public static final TransactionModes NONE = new TransactionModes(null, null, null);

  private final IsolationLevel isolationLevel;
  private final Boolean readOnly;
  private final Boolean deferrable;

  /** Each argument is null when not written. */
  public TransactionModes(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable) {
    this.isolationLevel = isolationLevel;
    this.readOnly = readOnly;
    this.deferrable = deferrable;
  }

  /** @return the isolation level, or null */
  public IsolationLevel isolationLevel() {
    return isolationLevel;
  }

  /** @return true for READ ONLY, false for READ WRITE, null if not written */
  public Boolean readOnly() {
    return readOnly;
  }

  /** @return true for DEFERRABLE, false for NOT DEFERRABLE, null if not written */
  public Boolean deferrable() {
    return deferrable;
  }

  /** @return a copy with the isolation level set */
  public TransactionModes withIsolationLevel(IsolationLevel level) {
    return new TransactionModes(level, readOnly, deferrable);
  }

  /** @return a copy with the access mode set */
  public TransactionModes withReadOnly(boolean value) {
    return new TransactionModes(isolationLevel, value, deferrable);
  }

  /** @return a copy with DEFERRABLE set */
  public TransactionModes withDeferrable(boolean value) {
    return new TransactionModes(isolationLevel, readOnly, value);
  }

  /** @return true if no mode was written */
  public boolean isEmpty() {
    return isolationLevel == null && readOnly == null && deferrable == null;
  }

  /** Prints the modes written, separated by commas. */
  public void unparse(SqlWriter writer) {
    final SqlWriter.Frame frame = writer.startList("", "");
    if (isolationLevel != null) {
      writer.sep(",");
      writer.keyword("ISOLATION LEVEL");
      writer.keyword(isolationLevel.sql());
    }
    if (readOnly != null) {
      writer.sep(",");
      writer.keyword(readOnly ? "READ ONLY" : "READ WRITE");
    }
    if (deferrable != null) {
      writer.sep(",");
      writer.keyword(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
    }
    writer.endList(frame);
  }
}
