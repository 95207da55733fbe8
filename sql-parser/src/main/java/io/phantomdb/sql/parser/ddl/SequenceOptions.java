package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlWriter;

/**
 * The options of {@code CREATE SEQUENCE} and of an identity column
 * ({@code GENERATED ... AS IDENTITY (START WITH 10 INCREMENT BY 5)}). Every option is null when
 * not written ({@code NO MINVALUE} / {@code NO MAXVALUE} also leave it null, as PostgreSQL's
 * default). Immutable; built by the parser through {@link Builder}.
 */
public final class SequenceOptions {
  /** No option written. */
  public static final SequenceOptions NONE = new Builder().build();

  private final Long start;
  private final Long increment;
  private final Long minValue;
  private final Long maxValue;
  private final Long cache;
  private final Boolean cycle;

  private SequenceOptions(Builder b) {
    this.start = b.start;
    this.increment = b.increment;
    this.minValue = b.minValue;
    this.maxValue = b.maxValue;
    this.cache = b.cache;
    this.cycle = b.cycle;
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

  /** @return {@code MAXVALUE n}, or null */
  public Long maxValue() {
    return maxValue;
  }

  /** @return {@code CACHE n}, or null */
  public Long cache() {
    return cache;
  }

  /** @return true for {@code CYCLE}, false for {@code NO CYCLE}, null if not written */
  public Boolean cycle() {
    return cycle;
  }

  /** @return true if no option was written */
  public boolean isEmpty() {
    return start == null && increment == null && minValue == null && maxValue == null
        && cache == null && cycle == null;
  }

  /** Prints the options written, separated by spaces. */
  public void unparse(SqlWriter writer) {
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
    }
    if (maxValue != null) {
      writer.keyword("MAXVALUE");
      writer.print(maxValue.toString());
    }
    if (cache != null) {
      writer.keyword("CACHE");
      writer.print(cache.toString());
    }
    if (cycle != null) {
      writer.keyword(cycle ? "CYCLE" : "NO CYCLE");
    }
  }

  /** Collects options while parsing. */
  public static final class Builder {
    private Long start;
    private Long increment;
    private Long minValue;
    private Long maxValue;
    private Long cache;
    private Boolean cycle;

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
      return this;
    }

    /** @param v MAXVALUE, null for NO MAXVALUE; @return this */
    public Builder maxValue(Long v) {
      this.maxValue = v;
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

    /** @return the options collected */
    public SequenceOptions build() {
      return new SequenceOptions(this);
    }
  }
}
