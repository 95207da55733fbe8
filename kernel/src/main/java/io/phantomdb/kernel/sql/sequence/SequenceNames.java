package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sequence names given as text, as PostgreSQL reads a {@code regclass} from a string ({@code
 * nextval('s')}): dotted parts, each either unquoted (folded to lower case) or double-quoted
 * ({@code ""} for a quote), looked up in the session's search path unless schema-qualified.
 */
public final class SequenceNames {
  private SequenceNames() {}

  /**
   * Splits a name into its parts.
   *
   * @param text {@code s}, {@code public.s}, {@code "My Seq"}, ...
   * @return the parts, unquoted parts in lower case
   * @throws SqlException 42602 if the text is not a valid name
   */
  public static List<String> parse(String text) {
    List<String> parts = new ArrayList<>();
    int i = skipSpaces(text, 0);
    while (true) {
      StringBuilder part = new StringBuilder();
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw invalid();
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              part.append('"');
              i++;
            } else {
              break;
            }
          } else {
            part.append(c);
          }
        }
        if (part.length() == 0) {
          throw invalid();
        }
      } else {
        int start = i;
        while (i < text.length() && text.charAt(i) != '.' && !Character.isWhitespace(text.charAt(i))
            && text.charAt(i) != '"') {
          i++;
        }
        if (i == start) {
          throw invalid();
        }
        part.append(text.substring(start, i).toLowerCase(Locale.ROOT));
      }
      parts.add(part.toString());
      i = skipSpaces(text, i);
      if (i >= text.length()) {
        return parts;
      }
      if (text.charAt(i) != '.') {
        throw invalid();
      }
      i = skipSpaces(text, i + 1);
    }
  }

  /**
   * Finds the relation a name means.
   *
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the session's search path
   * @param text the name as text
   * @return the table, view or sequence of that name
   * @throws SqlException 42602 for a malformed name, 3F000 for an unknown schema, 42P01 if there
   *     is no such relation, 0A000 for another database's name
   */
  public static CatalogObject relation(CatalogSnapshot catalog, int databaseId, List<String> searchPath,
      String text) {
    List<String> parts = parse(text);
    if (parts.size() > 3) {
      throw new SqlException(SqlState.SYNTAX_ERROR,
          "improper relation name (too many dotted names): " + String.join(".", parts));
    }
    if (parts.size() == 3) {
      String db = catalog.byId(databaseId).map(CatalogObject::name).orElse("");
      if (!db.equals(parts.get(0))) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "cross-database references are not implemented: " + String.join(".", parts));
      }
    }
    String name = parts.get(parts.size() - 1);
    if (parts.size() > 1) {
      String schemaName = parts.get(parts.size() - 2);
      SchemaDescriptor schema = catalog.schema(databaseId, schemaName).orElseThrow(() ->
          new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schemaName + "\" does not exist"));
      return catalog.relation(schema.id(), name).orElseThrow(() ->
          new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + schemaName + "." + name + "\" does not exist"));
    }
    for (String s : searchPath) {
      var schema = catalog.schema(databaseId, s);
      if (schema.isPresent()) {
        var rel = catalog.relation(schema.get().id(), name);
        if (rel.isPresent()) {
          return rel.get();
        }
      }
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
  }

  /**
   * Finds the sequence a name means.
   *
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the session's search path
   * @param text the name as text
   * @return the sequence
   * @throws SqlException as {@link #relation}, and 42809 if the relation is not a sequence
   */
  public static SequenceDescriptor sequence(CatalogSnapshot catalog, int databaseId, List<String> searchPath,
      String text) {
    CatalogObject o = relation(catalog, databaseId, searchPath, text);
    if (o instanceof SequenceDescriptor s) {
      return s;
    }
    throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + o.name() + "\" is not a sequence");
  }

  /**
   * The text that names a sequence whatever the search path: {@code schema.name}, each part quoted
   * when it needs to be.
   *
   * @param schema the sequence's schema
   * @param name the sequence's name
   * @return the qualified name as text
   */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  private static String quote(String part) {
    if (part.matches("[a-z_][a-z0-9_$]*")) {
      return part;
    }
    return "\"" + part.replace("\"", "\"\"") + "\"";
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static SqlException invalid() {
    return new SqlException(SqlState.INVALID_NAME, "invalid name syntax");
  }
}
