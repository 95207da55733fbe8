package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.ddl.SequenceOptions;

/**
 * The options of CREATE SEQUENCE, ALTER SEQUENCE and identity columns applied as PostgreSQL's
 * {@code init_params} does: defaults from the type and the direction ({@code MINVALUE 1}, {@code
 * MAXVALUE} the type's maximum, {@code START} at the bound the sequence starts from), the same
 * checks in the same order with the same messages (22023), and the state a RESTART sets.
 */
public final class SequenceParams {
  private SequenceParams() {}

  /**
   * The outcome of applying options.
   *
   * @param sequence the sequence with the new options (owner unchanged)
   * @param state the state to write: the restart or initial value, or the current one kept
   */
  public record Result(SequenceDescriptor sequence, SequenceStore.Value state) {}

  /**
   * Applies options to a new sequence (every option not written takes its default).
   *
   * @param id the sequence id
   * @param schemaId its schema
   * @param name its name
   * @param options the options written
   * @param type the {@code AS} type resolved (null if not written: BIGINT, or an identity
   *     column's type), must be SMALLINT, INTEGER or BIGINT
   * @param forIdentity true for an identity column's sequence (changes one message)
   * @return the sequence and its initial state
   */
  public static Result create(int id, int schemaId, String name, SequenceOptions options, TypeKind type,
      boolean forIdentity) {
    SequenceDescriptor base = new SequenceDescriptor(id, schemaId, name, TypeKind.BIGINT, 1, 1, 1,
        Long.MAX_VALUE, 1, false, 0, 0, forIdentity);
    return apply(base, null, options, type, true, forIdentity);
  }

  /**
   * Applies ALTER SEQUENCE options to an existing sequence.
   *
   * @param current the sequence as it is
   * @param state its current state
   * @param options the options written
   * @param type the {@code AS} type resolved, or null if not written
   * @return the changed sequence and its state (RESTART's, or {@code state})
   */
  public static Result alter(SequenceDescriptor current, SequenceStore.Value state, SequenceOptions options,
      TypeKind type) {
    return apply(current, state, options, type, false, current.identity());
  }

  private static Result apply(SequenceDescriptor s, SequenceStore.Value state, SequenceOptions o, TypeKind asType,
      boolean init, boolean forIdentity) {
    TypeKind type = s.type();
    boolean resetMax = false;
    boolean resetMin = false;
    if (asType != null) {
      if (asType != TypeKind.SMALLINT && asType != TypeKind.INTEGER && asType != TypeKind.BIGINT) {
        throw invalid(forIdentity ? "identity column type must be smallint, integer, or bigint"
            : "sequence type must be smallint, integer, or bigint");
      }
      if (!init) {
        resetMax = s.maxValue() == max(type);
        resetMin = s.minValue() == min(type);
      }
      type = asType;
    }
    long increment = s.increment();
    if (o.increment() != null) {
      increment = o.increment();
      if (increment == 0) {
        throw invalid("INCREMENT must not be zero");
      }
    }
    boolean cycle = o.cycle() != null ? o.cycle() : s.cycle();
    long maxValue = s.maxValue();
    if (o.maxValue() != null) {
      maxValue = o.maxValue();
    } else if (init || o.noMaxValue() || resetMax) {
      maxValue = increment > 0 || resetMax ? max(type) : -1;
    }
    if (maxValue < min(type) || maxValue > max(type)) {
      throw invalid("MAXVALUE (" + maxValue + ") is out of range for sequence data type " + typeName(type));
    }
    long minValue = s.minValue();
    if (o.minValue() != null) {
      minValue = o.minValue();
    } else if (init || o.noMinValue() || resetMin) {
      minValue = increment < 0 || resetMin ? min(type) : 1;
    }
    if (minValue < min(type) || minValue > max(type)) {
      throw invalid("MINVALUE (" + minValue + ") is out of range for sequence data type " + typeName(type));
    }
    if (minValue >= maxValue) {
      throw invalid("MINVALUE (" + minValue + ") must be less than MAXVALUE (" + maxValue + ")");
    }
    long start = s.start();
    if (o.start() != null) {
      start = o.start();
    } else if (init) {
      start = increment > 0 ? minValue : maxValue;
    }
    if (start < minValue) {
      throw invalid("START value (" + start + ") cannot be less than MINVALUE (" + minValue + ")");
    }
    if (start > maxValue) {
      throw invalid("START value (" + start + ") cannot be greater than MAXVALUE (" + maxValue + ")");
    }
    SequenceStore.Value next = state;
    if (o.restart()) {
      next = new SequenceStore.Value(o.restartValue() != null ? o.restartValue() : start, false);
    } else if (init) {
      next = new SequenceStore.Value(start, false);
    }
    if (next.last() < minValue) {
      throw invalid("RESTART value (" + next.last() + ") cannot be less than MINVALUE (" + minValue + ")");
    }
    if (next.last() > maxValue) {
      throw invalid("RESTART value (" + next.last() + ") cannot be greater than MAXVALUE (" + maxValue + ")");
    }
    long cache = s.cache();
    if (o.cache() != null) {
      cache = o.cache();
      if (cache <= 0) {
        throw invalid("CACHE (" + cache + ") must be greater than zero");
      }
    }
    SequenceDescriptor out = new SequenceDescriptor(s.id(), s.schemaId(), s.name(), type, start, increment,
        minValue, maxValue, cache, cycle, s.ownerTableId(), s.ownerColumnId(), s.identity());
    return new Result(out, next);
  }

  /** @return PostgreSQL's name of a sequence type, as in its messages */
  static String typeName(TypeKind type) {
    return switch (type) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      default -> "bigint";
    };
  }

  private static long max(TypeKind type) {
    return switch (type) {
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  private static long min(TypeKind type) {
    return switch (type) {
      case SMALLINT -> Short.MIN_VALUE;
      case INTEGER -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  private static SqlException invalid(String message) {
    return new SqlException(SqlState.INVALID_PARAMETER_VALUE, message);
  }
}
