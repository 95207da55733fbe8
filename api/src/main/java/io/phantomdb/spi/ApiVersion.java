package io.phantomdb.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API, in semantic-versioning form ({@code MAJOR.MINOR.PATCH}).
 *
 * <p>A plugin declares the range of API versions it was built against in its descriptor's
 * {@code Plugin-Requires} (for example {@code >=1.0.0 & <2.0.0}); the kernel refuses to load a
 * plugin whose range does not contain {@link #current()}. Additions bump the minor version,
 * breaking changes the major version (recorded in {@code docs/spi-changes.md}).
 */
public final class ApiVersion {
  private static final String CURRENT = load();

  private ApiVersion() {}

  /**
   * Returns the version of the API classes loaded in this JVM.
   *
   * @return a version such as {@code 1.0.0}; never null
   */
  public static String current() {
    return CURRENT;
  }

  private static String load() {
    try (InputStream in = ApiVersion.class.getResourceAsStream("api.properties")) {
      if (in == null) {
        throw new IllegalStateException("api.properties missing from the PhantomDB api jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
