package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.error.OperatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What in {@code plugins.dir} may be a plugin: every {@code *.zip} file and every directory (an
 * exploded plugin, handy in development), skipping hidden entries such as the {@code .expanded}
 * cache. Other files are ignored. Sorted by file name, so "the second" of two plugins with the
 * same id or name is always the same one.
 */
public final class PluginCandidates {
  private PluginCandidates() {}

  /**
   * Lists the candidates.
   *
   * @param pluginsDir the directory; if it does not exist there are no candidates
   * @return zips and directories in file-name order
   * @throws OperatorException if the directory exists but cannot be listed
   */
  public static List<Path> list(Path pluginsDir) {
    if (!Files.isDirectory(pluginsDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(pluginsDir)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> Files.isDirectory(p) || isZip(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new OperatorException("plugins.dir " + pluginsDir + " cannot be listed: " + e, e);
    }
  }

  /**
   * Whether a path names a zip file.
   *
   * @param p a path
   * @return true for a regular file ending in {@code .zip}, any case
   */
  public static boolean isZip(Path p) {
    return Files.isRegularFile(p)
        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
