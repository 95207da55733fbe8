package io.phantomdb.kernel.sql.expr;

import java.util.List;
import java.util.Map;

/**
 * {@code nextval(name)}, {@code currval(name)}, {@code setval(name, value [, is_called])} and
 * {@code lastval()}, evaluated through the statement's {@link SequenceOps} ({@link
 * EvalContext#sequences()}). They are volatile ({@link PhantomOperatorTable}), so the planner
 * never folds them and a cached plan calls them on every execution. A NULL argument gives NULL,
 * as PostgreSQL's strict functions do.
 */
final class SequenceFunctions {
  private SequenceFunctions() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("NEXTVAL", (call, args, type) -> Nodes.call("nextval", type, args,
        (v, ctx) -> ctx.sequences().nextval((String) v[0]), true));
    r.put("CURRVAL", (call, args, type) -> Nodes.call("currval", type, args,
        (v, ctx) -> ctx.sequences().currval((String) v[0]), true));
    r.put("SETVAL", (call, args, type) -> Nodes.call("setval", type, args,
        (v, ctx) -> ctx.sequences().setval((String) v[0], ((Number) v[1]).longValue(),
            v.length < 3 || (Boolean) v[2]), true));
    r.put("LASTVAL", (call, args, type) -> Nodes.call("lastval", type, List.of(),
        (v, ctx) -> ctx.sequences().lastval(), false));
  }
}
