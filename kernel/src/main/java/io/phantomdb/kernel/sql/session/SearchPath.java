package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema search path: the {@code search_path} value's list syntax (PostgreSQL's
 * SplitIdentifierString and quote_identifier) and the schemas it names that exist.
 */
public final class SearchPath {
  /** What {@code "$user"} in the path stands for, and what {@code current_user} returns. */
  public static final String USER = "postgres";

  private SearchPath() {}

  /**
   * Splits a list of identifiers separated by commas: unquoted ones fold to lower case, {@code
   * "quoted"} ones keep their case (with {@code ""} for a quote), blanks around them are skipped.
   *
   * @param value the list
   * @return the identifiers, or null if the syntax is invalid (an empty unquoted item, a missing
   *     quote); {@code ""} is an empty name, as in PostgreSQL
   */
  public static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    int i = skipBlanks(value, 0);
    if (i == value.length()) {
      return out;
    }
    while (true) {
      StringBuilder name = new StringBuilder();
      if (i < value.length() && value.charAt(i) == '"') {
        i++;
        while (true) {
          int q = value.indexOf('"', i);
          if (q < 0) {
            return null;
          }
          name.append(value, i, q);
          i = q + 1;
          if (i < value.length() && value.charAt(i) == '"') {
            name.append('"');
            i++;
          } else {
            break;
          }
        }
      } else {
        int start = i;
        while (i < value.length() && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))
            && value.charAt(i) != '"') {
          i++;
        }
        if (i == start) {
          return null;
        }
        name.append(value.substring(start, i).toLowerCase(Locale.ROOT));
      }
      out.add(name.toString());
      i = skipBlanks(value, i);
      if (i == value.length()) {
        return out;
      }
      if (value.charAt(i) != ',') {
        return null;
      }
      i = skipBlanks(value, i + 1);
    }
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * @param name an identifier
   * @return it as SQL text: bare if it is lower-case letters, digits and underscores not starting
   *     with a digit, else double-quoted
   */
  public static String quote(String name) {
    if (name.matches("[a-z_][a-z0-9_]*")) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * The schemas of a path that exist in a database, in order, each once, with {@code $user}
   * taken as {@link #USER}: where unqualified names are looked up, and (the first) where CREATE
   * puts objects. Names of missing schemas are skipped, as PostgreSQL does.
   *
   * @param path the path's identifiers ({@link #split})
   * @param catalog the catalog
   * @param databaseId the session's database
   * @return the existing schemas
   */
  public static List<String> effective(List<String> path, CatalogSnapshot catalog, int databaseId) {
    return effective(path, catalog, databaseId, USER);
  }

  /**
   * {@link #effective(List, CatalogSnapshot, int)} for a session running as {@code user}.
   *
   * @param path the path's identifiers
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param user what {@code $user} stands for
   * @return the existing schemas
   */
  public static List<String> effective(List<String> path, CatalogSnapshot catalog, int databaseId, String user) {
    List<String> out = new ArrayList<>(path.size());
    for (String name : path) {
      String schema = name.equals("$user") ? user : name;
      if (!out.contains(schema) && catalog.schema(databaseId, schema).isPresent()) {
        out.add(schema);
      }
    }
    return List.copyOf(out);
  }
}
