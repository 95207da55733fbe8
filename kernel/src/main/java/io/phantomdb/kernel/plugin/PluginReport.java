package io.phantomdb.kernel.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the registry found out about one plugin, for {@code phantomdb plugins} and start-up
 * messages. Fields not known (for example the id of a corrupt zip) are {@code null}.
 *
 * @param id the plugin id ({@code plugin.id}), or null if unknown
 * @param version the plugin version, or null
 * @param requires the api range it requires ({@code plugin.requires}), or null
 * @param provider the plugin provider, or null
 * @param path the plugin zip or directory; null for the class path entry
 * @param provides what it provides, each as {@code label: name} such as {@code storage: lsm};
 *     empty unless loaded
 * @param declares labels of the SPIs its {@code META-INF/services} lists, such as {@code
 *     storage}, known even for a refused plugin when its files could be read
 * @param status loaded, disabled or refused
 * @param reason one line: why it was refused or disabled; null when loaded without remark
 */
public record PluginReport(
    String id,
    String version,
    String requires,
    String provider,
    Path path,
    List<String> provides,
    Set<String> declares,
    PluginStatus status,
    String reason) {

  /** Copies the lists. */
  public PluginReport {
    provides = List.copyOf(provides);
    declares = Set.copyOf(declares);
  }

  /**
   * The id if known, else the file name.
   *
   * @return a name to show
   */
  public String displayName() {
    if (id != null) {
      return id;
    }
    return path == null ? "-" : path.getFileName().toString();
  }

  /**
   * One line for logs: {@code plugin storage-lsm (storage-lsm-1.0.zip): REFUSED: reason}.
   *
   * @return the line
   */
  public String summary() {
    String file = path == null ? "class path" : path.getFileName().toString();
    return "plugin " + displayName() + " (" + file + "): " + status
        + (reason == null ? "" : ": " + reason);
  }
}
