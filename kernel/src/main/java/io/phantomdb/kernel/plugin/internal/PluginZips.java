package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.error.OperatorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Expands plugin zips into a cache directory, {@code plugins.dir/.expanded/<zip name>-<stamp>},
 * where the stamp stands for the zip's size and modification time, and reuses an expansion while
 * they are unchanged. An expansion is never changed or deleted once made: several processes
 * started from one installation at the same moment (two nodes on one machine) each find a complete
 * directory, whoever expanded it; a replaced zip gets a new directory. Zips are never expanded
 * beside themselves (as PF4J does), so removing a zip removes the plugin. When {@code plugins.dir}
 * is not writable the cache goes under {@code java.io.tmpdir}.
 */
public final class PluginZips {
  private static final String STAMP = ".phantomdb-expanded";

  private final Path cacheRoot;

  private PluginZips(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  /**
   * Chooses the cache for a plugins directory.
   *
   * @param pluginsDir the plugins directory
   * @return the expander
   * @throws OperatorException if no cache directory can be created
   */
  public static PluginZips forPluginsDir(Path pluginsDir) {
    Path preferred = pluginsDir.resolve(".expanded");
    try {
      Files.createDirectories(preferred);
      if (Files.isWritable(preferred)) {
        return new PluginZips(preferred);
      }
    } catch (IOException e) {
      // read-only installation: fall back to the temporary directory
    }
    Path fallback =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "phantomdb-" + System.getProperty("user.name", "user"),
            "plugins-" + Integer.toHexString(pluginsDir.toAbsolutePath().toString().hashCode()));
    try {
      Files.createDirectories(fallback);
      return new PluginZips(fallback);
    } catch (IOException e) {
      throw new OperatorException(
          "cannot expand plugins: neither " + preferred + " nor " + fallback + " can be created", e);
    }
  }

  /**
   * Expands a zip, or returns the still valid expansion.
   *
   * @param zip a plugin zip
   * @return the directory holding its contents
   * @throws Refusal if the zip is corrupt or cannot be read or expanded
   */
  public Path expand(Path zip) throws Refusal {
    String name = zip.getFileName().toString();
    String stamp;
    Path target;
    try {
      stamp = Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis();
      target = cacheRoot.resolve(name.substring(0, name.length() - ".zip".length()) + "-"
          + Long.toHexString(Files.size(zip)) + "-" + Long.toHexString(Files.getLastModifiedTime(zip).toMillis()));
      if (complete(target, stamp)) {
        return target;
      }
    } catch (IOException e) {
      throw new Refusal("cannot read the zip file: " + Refusal.describe(e));
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(cacheRoot, ".tmp-");
      readableByAll(tmp);
      unzip(zip, tmp);
      Files.writeString(tmp.resolve(STAMP), stamp, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new Refusal("cannot expand the zip file: " + cacheRoot + " does not support atomic renames");
      } catch (IOException e) {
        if (!complete(target, stamp)) {
          throw e;
        } // else another process expanded it at the same moment, and moved it in whole
      }
      if (!complete(target, stamp)) {
        throw new Refusal("cannot expand the zip file: " + target + " exists but is not an expansion of it;"
            + " delete that directory");
      }
      return target;
    } catch (ZipException e) {
      throw new Refusal("corrupt or unreadable zip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new Refusal("cannot expand the zip file: " + Refusal.describe(e));
    } finally {
      if (tmp != null) {
        try {
          deleteTree(tmp);
        } catch (IOException ignored) {
          // a leftover temporary directory is harmless
        }
      }
    }
  }

  /** Whether a directory is a finished expansion with that stamp (its stamp file is written last). */
  private static boolean complete(Path target, String stamp) throws IOException {
    return Files.isRegularFile(target.resolve(STAMP))
        && Files.readString(target.resolve(STAMP), StandardCharsets.UTF_8).equals(stamp);
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zf.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = into.resolve(entry.getName()).normalize();
        if (!out.startsWith(into)) {
          throw new ZipException("entry '" + entry.getName() + "' points outside the zip");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zf.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void readableByAll(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions apply
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
