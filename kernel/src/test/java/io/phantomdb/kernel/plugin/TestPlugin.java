package io.phantomdb.kernel.plugin;

import io.phantomdb.spi.consensus.ConsensusProvider;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds plugin zips and directories for tests, laid out as the build lays out real ones:
 * plugin.properties at the root, classes/ (copied from the test classes), lib/.
 */
public final class TestPlugin {
  private final String id;
  private String requires = ">=1.0.0 & <2.0.0";
  private String pluginClass = "";
  private boolean withDescriptor = true;
  private boolean withApiJar;
  private final List<Class<?>> classes = new ArrayList<>();
  private final List<String> storageProviders = new ArrayList<>();
  private final List<String> consensusProviders = new ArrayList<>();

  private TestPlugin(String id) {
    this.id = id;
  }

  /** A plugin with this id, requiring the current api major version. */
  public static TestPlugin withId(String id) {
    return new TestPlugin(id);
  }

  /** Sets plugin.requires. */
  public TestPlugin requires(String range) {
    this.requires = range;
    return this;
  }

  /** Packs a storage engine factory class and lists it in META-INF/services. */
  public TestPlugin storage(Class<? extends StorageEngineFactory> factory) {
    classes.add(factory);
    storageProviders.add(factory.getName());
    return this;
  }

  /** Packs a consensus provider class and lists it in META-INF/services. */
  public TestPlugin consensus(Class<? extends ConsensusProvider> provider) {
    classes.add(provider);
    consensusProviders.add(provider.getName());
    return this;
  }

  /** Lists a class in META-INF/services without packing it. */
  public TestPlugin declareMissingStorage(String className) {
    storageProviders.add(className);
    return this;
  }

  /** Packs a PF4J plugin class and names it in plugin.class. */
  public TestPlugin pluginClass(Class<?> c) {
    classes.add(c);
    pluginClass = c.getName();
    return this;
  }

  /** Leaves out plugin.properties. */
  public TestPlugin withoutDescriptor() {
    withDescriptor = false;
    return this;
  }

  /** Bundles a copy of the api jar in lib/, as a mis-built plugin would. */
  public TestPlugin withApiJar() {
    withApiJar = true;
    return this;
  }

  /** Writes {@code <dir>/<id>-1.0.zip}. */
  public Path writeZip(Path dir) {
    Path zip = dir.resolve(id + "-1.0.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries().entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  /** Writes the plugin exploded, as {@code <dir>/<id>/}. */
  public Path writeDirectory(Path dir) {
    Path root = dir.resolve(id);
    try {
      for (Map.Entry<String, byte[]> e : entries().entrySet()) {
        Path p = root.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  private Map<String, byte[]> entries() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (withDescriptor) {
      String props = "plugin.id=" + id + "\nplugin.version=1.0\nplugin.requires=" + requires
          + "\nplugin.provider=tests\nplugin.class=" + pluginClass + "\nplugin.dependencies=\n";
      entries.put("plugin.properties", props.getBytes(StandardCharsets.UTF_8));
    }
    for (Class<?> c : classes) {
      String resource = c.getName().replace('.', '/') + ".class";
      try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
        entries.put("classes/" + resource, in.readAllBytes());
      }
    }
    if (!storageProviders.isEmpty()) {
      entries.put("classes/META-INF/services/" + StorageEngineFactory.class.getName(),
          (String.join("\n", storageProviders) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    if (!consensusProviders.isEmpty()) {
      entries.put("classes/META-INF/services/" + ConsensusProvider.class.getName(),
          (String.join("\n", consensusProviders) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    if (withApiJar) {
      entries.put("lib/api.jar", apiJar());
    }
    return entries;
  }

  private static byte[] apiJar() throws IOException {
    Path location;
    try {
      location = Path.of(StorageEngineFactory.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isRegularFile(location)) {
      return Files.readAllBytes(location);
    }
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(location)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(location.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, (OutputStream) out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
