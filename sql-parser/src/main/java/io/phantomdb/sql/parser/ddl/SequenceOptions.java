package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;

/**
 * The options of {@code CREATE SEQUENCE}, {@code ALTER SEQUENCE} and of an identity column
 * ({@code GENERATED ... AS IDENTITY (START WITH 10 INCREMENT BY 5)}): {@code AS type}, {@code
 * START}, {@code INCREMENT}, {@code [NO] MINVALUE}, {@code [NO] MAXVALUE}, {@code CACHE}, {@code
 * [NO] CYCLE}, {@code RESTART [[WITH] n]} and {@code OWNED BY table.column | NONE}. Every option
 * is null when not written; {@code NO MINVALUE} / {@code NO MAXVALUE} leave the value null but
 * count as written ({@link #noMinValue()}, {@link #noMaxValue()}), since ALTER SEQUENCE resets
 * the bound then. Immutable; built by the parser through {@link Builder}.
 */
public final class SequenceOptions {
  /** No option written. */
  public static final SequenceOptions NONE = new Builder().build();

  private final SqlDataTypeSpec type;
  private final Long start;
  private final Long increment;
  private final Long minValue;
  private final boolean noMinValue;
  private final Long maxValue;
  private final boolean noMaxValue;
  private final Long cache;
  private final Boolean cycle;
  private final boolean restart;
  private final Long restartValue;
  private final SqlIdentifier ownedBy;
  private final boolean ownedByNone;

  private SequenceOptions(Builder b) {
    this.type = b.type;
    this.start = b.start;
    this.increment = b.increment;
    this.minValue = b.minValue;
    this.noMinValue = b.noMinValue;
    this.maxValue = b.maxValue;
    this.noMaxValue = b.noMaxValue;
    this.cache = b.cache;
    this.cycle = b.cycle;
    this.restart = b.restart;
    this.restartValue = b.restartValue;
    this.ownedBy = b.ownedBy;
    this.ownedByNone = b.ownedByNone;
  }

  /** @return {@code AS type}, or null */
  public SqlDataTypeSpec type() {
    return type;
  }

  /** @return {@code START [WITH] n}, or null */
  public Long start() {
    return start;
  }

  /** @return {@code INCREMENT [BY] n}, or null */
  public Long increment() {
    return increment;
  }

  /** @return {@code MINVALUE n}, or null */
  public Long minValue() {
    return minValue;
  }

  /** @return true if {@code NO MINVALUE} was written (and no later {@code MINVALUE n}) */
  public boolean noMinValue() {
    return noMinValue;
  }

  /** @return {@code MAXVALUE n}, or null */
  public Long maxValue() {
    return maxValue;
  }

  /** @return true if {@code NO MAXVALUE} was written (and no later {@code MAXVALUE n}) */
  public boolean noMaxValue() {
    return noMaxValue;
  }

  /** @return {@code CACHE n}, or null */
  public Long cache() {
    return cache;
  }

  /** @return true for {@code CYCLE}, false for {@code NO CYCLE}, null if not written */
  public Boolean cycle() {
    return cycle;
  }

  /** @return true if {@code RESTART [[WITH] n]} was written */
  public boolean restart() {
    return restart;
  }

  /** @return the n of {@code RESTART [WITH] n}, or null (also for a bare RESTART) */
  public Long restartValue() {
    return restartValue;
  }

  /** @return the column of {@code OWNED BY table.column}, or null */
  public SqlIdentifier ownedBy() {
    return ownedBy;
  }

  /** @return true if {@code OWNED BY NONE} was written */
  public boolean ownedByNone() {
    return ownedByNone;
  }

  /** @return true if no option was written */
  public boolean isEmpty() {
    return type == null && start == null && increment == null && minValue == null
        && !noMinValue && maxValue == null && !noMaxValue && cache == null && cycle == null
        && !restart && ownedBy == null && !ownedByNone;
  }

  /** Prints the options written, separated by spaces. */
  public void unparse(SqlWriter writer) {
    if (type != null) {
      writer.keyword("AS");
      type.unparse(writer, 0, 0);
    }
    if (start != null) {
      writer.keyword("START WITH");
      writer.print(start.toString());
    }
    if (increment != null) {
      writer.keyword("INCREMENT BY");
      writer.print(increment.toString());
    }
    if (minValue != null) {
      writer.keyword("MINVALUE");
      writer.print(minValue.toString());
    } else if (noMinValue) {
      writer.keyword("NO MINVALUE");
    }
    if (maxValue != null) {
      writer.keyword("MAXVALUE");
      writer.print(maxValue.toString());
    } else if (noMaxValue) {
      writer.keyword("NO MAXVALUE");
    }
    if (cache != null) {
      writer.keyword("CACHE");
      writer.print(cache.toString());
    }
    if (cycle != null) {
      writer.keyword(cycle ? "CYCLE" : "NO CYCLE");
    }
    if (restart) {
      writer.keyword("RESTART");
      if (restartValue != null) {
        writer.keyword("WITH");
        writer.print(restartValue.toString());
      }
    }
    if (ownedBy != null) {
      writer.keyword("OWNED BY");
      ownedBy.unparse(writer, 0, 0);
    } else if (ownedByNone) {
      writer.keyword("OWNED BY NONE");
    }
  }

  /** Collects options while parsing. */
  public static final class Builder {
    private SqlDataTypeSpec type;
    private Long start;
    private Long increment;
    private Long minValue;
    private boolean noMinValue;
    private Long maxValue;
    private boolean noMaxValue;
    private Long cache;
    private Boolean cycle;
    private boolean restart;
    private Long restartValue;
    private SqlIdentifier ownedBy;
    private boolean ownedByNone;

    /** @param t AS type; @return this */
    public Builder type(SqlDataTypeSpec t) {
      this.type = t;
      return this;
    }

    /** @param v START WITH; @return this */
    public Builder start(long v) {
      this.start = v;
      return this;
    }

    /** @param v INCREMENT BY; @return this */
    public Builder increment(long v) {
      this.increment = v;
      return this;
    }

    /** @param v MINVALUE, null for NO MINVALUE; @return this */
    public Builder minValue(Long v) {
      this.minValue = v;
      this.noMinValue = v == null;
      return this;
    }

    /** @param v MAXVALUE, null for NO MAXVALUE; @return this */
    public Builder maxValue(Long v) {
      this.maxValue = v;
      this.noMaxValue = v == null;
      return this;
    }

    /** @param v CACHE; @return this */
    public Builder cache(long v) {
      this.cache = v;
      return this;
    }

    /** @param v CYCLE or NO CYCLE; @return this */
    public Builder cycle(boolean v) {
      this.cycle = v;
      return this;
    }

    /** @param v RESTART WITH v, null for a bare RESTART (back to the start value); @return this */
    public Builder restart(Long v) {
      this.restart = true;
      this.restartValue = v;
      return this;
    }

    /** @param column OWNED BY table.column, null for OWNED BY NONE; @return this */
    public Builder ownedBy(SqlIdentifier column) {
      this.ownedBy = column;
      this.ownedByNone = column == null;
      return this;
    }

    /** @return the options collected */
    public SequenceOptions build() {
      return new SequenceOptions(this);
    }
  }
}
