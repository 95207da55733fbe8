package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.PreparedStatement;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.CopyIn;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code COPY table FROM STDIN}: records are cut from the data as it arrives ({@link
 * CopyRecords}), split into fields ({@link CopyCodec}), each value read with its column type's
 * text input, and inserted {@value #BATCH} rows per INSERT (unlisted columns take their defaults;
 * constraints are checked by the INSERT). Outside a block the COPY runs in its own transaction
 * (BEGIN here, COMMIT at the end, ROLLBACK at an error); inside one it joins it, and an error
 * fails the block.
 */
final class KernelCopyIn implements QueryResult, CopyIn {
  private static final int BATCH = 200;

  private final Session session;
  private final CopyStatement statement;
  private final CopyCodec codec;
  private final CopyRecords records;
  private final List<ColumnInfo> columns;
  private final String insertPrefix;
  private final boolean ownTransaction;
  private final List<Object> pending = new ArrayList<>();
  private PreparedStatement batchInsert;
  private long lineNo;
  private long rows;
  /** The COPY finished or failed. */
  private boolean over;
  /** The end-of-data marker was read: later data is ignored. */
  private boolean ended;

  KernelCopyIn(Session session, CopyStatement statement) {
    this.session = session;
    this.statement = statement;
    this.codec = new CopyCodec(statement.format());
    this.records = new CopyRecords(statement.format());
    this.columns = CopyOutQuery.columnsOf(session, statement);
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(statement.table()).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      insert.append(i == 0 ? "" : ", ").append(CopyOutQuery.quote(columns.get(i).name()));
    }
    this.insertPrefix = insert.append(") VALUES ").toString();
    this.ownTransaction = session.transactionStatus() == 'I';
    if (ownTransaction) {
      run("BEGIN");
    }
  }

  @Override
  public CopyIn copyIn() {
    return this;
  }

  @Override
  public int columnCount() {
    return columns.size();
  }

  @Override
  public boolean csv() {
    return statement.format().csv();
  }

  @Override
  public void data(byte[] data, int offset, int length) {
    if (over || ended) {
      return;
    }
    guard(() -> {
      records.add(data, offset, length);
      String record;
      while (!ended && (record = records.next()) != null) {
        record(record);
      }
    });
  }

  @Override
  public String done() {
    if (over) {
      throw new IllegalStateException("the COPY is over");
    }
    guard(() -> {
      String last = ended ? null : records.rest();
      if (last != null) {
        record(last);
      }
      flush();
    });
    over = true;
    if (ownTransaction) {
      run("COMMIT");
    }
    return "COPY " + rows;
  }

  @Override
  public void fail(String message) {
    abort();
    throw new SqlErrorException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
  }

  private void guard(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      abort();
      throw Errors.of(e);
    }
  }

  /** Ends the COPY after an error: its transaction rolls back, or its block fails. */
  private void abort() {
    if (over) {
      return;
    }
    over = true;
    pending.clear();
    if (ownTransaction) {
      run("ROLLBACK");
    } else {
      session.statementFailed();
    }
  }

  private void record(String record) {
    lineNo++;
    if (lineNo == 1 && statement.format().header()) {
      if (statement.format().headerMatch()) {
        checkHeader(record);
      }
      return;
    }
    if (record.equals("\\.")) {
      ended = true; // the end-of-data marker: what follows is ignored
      return;
    }
    List<CopyCodec.Field> fields;
    try {
      fields = codec.split(record);
    } catch (SqlException e) {
      throw copyError(e.sqlState(), e.getMessage(), lineContext(record), e);
    }
    if (fields.size() < columns.size()) {
      throw copyError("22P04", "missing data for column \"" + columns.get(fields.size()).name() + "\"",
          lineContext(record), null);
    }
    if (fields.size() > columns.size()) {
      throw copyError("22P04", "extra data after last expected column", lineContext(record), null);
    }
    for (int i = 0; i < columns.size(); i++) {
      pending.add(value(fields.get(i), columns.get(i)));
    }
    if (pending.size() == BATCH * columns.size()) {
      flush();
    }
  }

  /** {@code HEADER match}: the first line must name the columns, in order. */
  private void checkHeader(String record) {
    List<CopyCodec.Field> names = codec.split(record);
    if (names.size() != columns.size()) {
      throw copyError("22P04", "wrong number of fields in header line: got " + names.size() + ", expected "
          + columns.size(), lineContext(record), null);
    }
    for (int i = 0; i < names.size(); i++) {
      String got = names.get(i).value();
      if (got == null) {
        throw copyError("22P04", "column name mismatch in header line field " + (i + 1)
            + ": got null value (\"" + statement.format().nullString() + "\"), expected \"" + columns.get(i).name()
            + "\"", lineContext(record), null);
      }
      if (!got.equals(columns.get(i).name())) {
        throw copyError("22P04", "column name mismatch in header line field " + (i + 1) + ": got \"" + got
            + "\", expected \"" + columns.get(i).name() + "\"", lineContext(record), null);
      }
    }
  }

  private Object value(CopyCodec.Field field, ColumnInfo column) {
    String text = field.value();
    CopyFormat f = statement.format();
    if (text == null && CopyOutQuery.listed(f.forceNotNull(), column.name())) {
      text = field.raw();
    } else if (text != null && field.quoted() && text.equals(f.nullString())
        && CopyOutQuery.listed(f.forceNull(), column.name())) {
      text = null;
    }
    if (text == null) {
      return null;
    }
    try {
      DataType type = column.type();
      return TextCodec.parse(text, type, session.timeZone());
    } catch (SqlException e) {
      throw copyError(e.sqlState(), e.getMessage(), "COPY " + statement.contextName() + ", line " + lineNo
          + ", column " + column.name() + ": \"" + shorten(text) + "\"", e);
    }
  }

  private void flush() {
    int n = pending.size() / Math.max(1, columns.size());
    if (n == 0) {
      return;
    }
    PreparedStatement insert;
    if (n == BATCH) {
      if (batchInsert == null) {
        batchInsert = prepare(BATCH);
      }
      insert = batchInsert;
    } else {
      insert = prepare(n);
    }
    try (StatementResult r = insert.execute(pending.toArray())) {
      while (r.next() != null) {
        // no rows: INSERT without RETURNING
      }
    } catch (SqlException e) {
      throw copyError(e.sqlState(), e.getMessage(), "COPY " + statement.contextName() + ", line " + lineNo, e);
    } finally {
      if (insert != batchInsert) {
        insert.close();
      }
    }
    rows += n;
    pending.clear();
  }

  private PreparedStatement prepare(int n) {
    StringBuilder sql = new StringBuilder(insertPrefix);
    List<DataType> types = new ArrayList<>(n * columns.size());
    int p = 1;
    for (int r = 0; r < n; r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns.size(); c++) {
        sql.append(c == 0 ? "$" : ", $").append(p++);
        types.add(columns.get(c).type());
      }
      sql.append(')');
    }
    return session.prepare(sql.toString(), types);
  }

  private String lineContext(String record) {
    return "COPY " + statement.contextName() + ", line " + lineNo + ": \"" + shorten(record) + "\"";
  }

  private static String shorten(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  private static SqlErrorException copyError(String state, String message, String where, Throwable cause) {
    String detail = cause instanceof SqlException s ? s.detail() : null;
    String hint = cause instanceof SqlException s ? s.hint() : null;
    return new SqlErrorException(state, message, detail, hint, where, cause);
  }

  private void run(String sql) {
    try {
      session.execute(sql).close();
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
  }

  @Override
  public List<Column> columns() {
    return List.of();
  }

  @Override
  public boolean next() {
    return false;
  }

  @Override
  public String text(int column) {
    throw new IllegalStateException("no current row");
  }

  @Override
  public Object value(int column) {
    throw new IllegalStateException("no current row");
  }

  @Override
  public String commandTag() {
    return "COPY " + rows;
  }

  /** Closing before CopyDone (the connection went): nothing is inserted. */
  @Override
  public void close() {
    if (!over) {
      abort();
    }
    if (batchInsert != null) {
      batchInsert.close();
      batchInsert = null;
    }
  }
}
