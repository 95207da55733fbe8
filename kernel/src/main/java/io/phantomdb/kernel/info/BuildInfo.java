package io.phantomdb.kernel.info;

import io.phantomdb.spi.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this PhantomDB build and the JVM it runs in, as {@code phantomdb version} shows. */
public final class BuildInfo {
  private static final String VERSION = load();

  private BuildInfo() {}

  /**
   * The PhantomDB version, such as {@code 0.1.0}.
   *
   * @return the version of the kernel jar
   */
  public static String version() {
    return VERSION;
  }

  /**
   * The version of the plugin API the kernel provides; plugins' {@code plugin.requires} is
   * checked against it.
   *
   * @return the api version, such as {@code 1.0.0}
   */
  public static String apiVersion() {
    return ApiVersion.current();
  }

  /**
   * The running Java, such as {@code 17.0.15 (Eclipse Adoptium, /usr/lib/jvm/java-17)}.
   *
   * @return version, vendor and home of the JVM
   */
  public static String java() {
    return System.getProperty("java.version")
        + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")";
  }

  /**
   * The operating system, such as {@code Linux 6.1.0 amd64}.
   *
   * @return name, version and architecture
   */
  public static String os() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
  }

  private static String load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
