package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.plugin.SpiType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads what a plugin directory declares in {@code META-INF/services/<SPI>} (in {@code classes/}
 * and in {@code lib/*.jar}) without loading any class: to check every declared class was found,
 * and to say what a refused plugin would have provided.
 */
public final class ServiceDeclarations {
  private ServiceDeclarations() {}

  /**
   * The declared implementation class names per SPI.
   *
   * @param pluginDir an expanded plugin
   * @param spis the SPIs to look for
   * @return for each SPI with at least one declaration, the class names in file order
   */
  public static Map<SpiType<?>, List<String>> read(Path pluginDir, List<SpiType<?>> spis) {
    Map<SpiType<?>, List<String>> result = new LinkedHashMap<>();
    for (SpiType<?> spi : spis) {
      String resource = "META-INF/services/" + spi.type().getName();
      List<String> names = new ArrayList<>();
      Path inClasses = pluginDir.resolve("classes").resolve(resource);
      if (Files.isRegularFile(inClasses)) {
        try (InputStream in = Files.newInputStream(inClasses)) {
          parse(in, names);
        } catch (IOException e) {
          // unreadable: the class loader will not see it either
        }
      }
      for (Path jar : jars(pluginDir.resolve("lib"))) {
        try (ZipFile zf = new ZipFile(jar.toFile())) {
          ZipEntry entry = zf.getEntry(resource);
          if (entry != null) {
            try (InputStream in = zf.getInputStream(entry)) {
              parse(in, names);
            }
          }
        } catch (IOException e) {
          // a broken jar: the class loader reports what it cannot load
        }
      }
      if (!names.isEmpty()) {
        result.put(spi, List.copyOf(names));
      }
    }
    return result;
  }

  private static List<Path> jars(Path lib) {
    if (!Files.isDirectory(lib)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(lib)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void parse(InputStream in, List<String> into) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      int hash = line.indexOf('#');
      String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!name.isEmpty() && !into.contains(name)) {
        into.add(name);
      }
    }
  }
}
