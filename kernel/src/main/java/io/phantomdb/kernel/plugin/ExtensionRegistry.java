package io.phantomdb.kernel.plugin;

import io.phantomdb.kernel.plugin.internal.ClassPathProviders;
import io.phantomdb.kernel.plugin.internal.PhantomPluginManager;
import io.phantomdb.kernel.plugin.internal.PluginBootstrap;
import io.phantomdb.kernel.plugin.internal.ProviderTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every implementation of the kernel's SPIs, found by SPI and then by name: those {@link
 * java.util.ServiceLoader} finds on the class path (registered first, so their names win), then
 * those of the plugins in {@code plugins.dir}, loaded with PF4J. Each plugin gets a {@link
 * PluginReport}; a plugin that cannot be loaded is refused with a one-line reason and never stops
 * the others.
 *
 * <p>Implementations are created once; SPI factories are stateless and thread-safe, so the
 * registry hands out the same instance to every caller. The registry itself is immutable and
 * thread-safe. {@link #close()} stops the plugins: close whatever their factories opened first.
 */
public final class ExtensionRegistry implements AutoCloseable {
  private final ProviderTable table;
  private final List<PluginReport> reports;
  private final PhantomPluginManager manager;

  private ExtensionRegistry(ProviderTable table, List<PluginReport> reports, PhantomPluginManager manager) {
    this.table = table;
    this.reports = reports;
    this.manager = manager;
  }

  /**
   * Loads the class path's implementations and the plugins, for {@link KnownSpis#ALL}.
   *
   * @param settings where plugins are
   * @return the registry
   * @throws io.phantomdb.kernel.error.OperatorException if the plugins directory cannot be listed
   */
  public static ExtensionRegistry load(PluginSettings settings) {
    return load(settings, KnownSpis.ALL);
  }

  /**
   * Loads the class path's implementations and the plugins.
   *
   * @param settings where plugins are
   * @param spis the SPIs to collect
   * @return the registry
   * @throws io.phantomdb.kernel.error.OperatorException if the plugins directory cannot be listed
   */
  public static ExtensionRegistry load(PluginSettings settings, List<SpiType<?>> spis) {
    ProviderTable table = new ProviderTable();
    List<PluginReport> reports = new ArrayList<>();
    ClassPathProviders.register(spis, ExtensionRegistry.class.getClassLoader(), table)
        .ifPresent(reports::add);
    PluginBootstrap.Result result = PluginBootstrap.run(settings, spis, table);
    List<PluginReport> plugins = new ArrayList<>(result.reports());
    plugins.sort(Comparator.comparing(r -> r.path().getFileName().toString()));
    reports.addAll(plugins);
    return new ExtensionRegistry(table, List.copyOf(reports), result.manager());
  }

  /**
   * Finds an implementation by name.
   *
   * @param spi the SPI
   * @param name the name, such as {@code lsm}
   * @param <T> the SPI interface
   * @return the implementation, or empty if nobody provides the name
   */
  public <T> Optional<T> find(SpiType<T> spi, String name) {
    return table.lookup(spi, name).map(p -> spi.type().cast(p.instance()));
  }

  /**
   * The names available for an SPI.
   *
   * @param spi the SPI
   * @return the names in ascending order
   */
  public List<String> names(SpiType<?> spi) {
    return List.copyOf(table.of(spi).keySet());
  }

  /**
   * Who provides a name, for messages.
   *
   * @param spi the SPI
   * @param name the name
   * @return such as {@code plugin storage-lsm}, or empty if nobody does
   */
  public Optional<String> providerOf(SpiType<?> spi, String name) {
    return table.lookup(spi, name).map(ProviderTable.Provided::owner);
  }

  /**
   * A report per plugin, plus one for the class path if it provides anything.
   *
   * @return the class path entry first, then plugins in file-name order
   */
  public List<PluginReport> plugins() {
    return reports;
  }

  /**
   * Plugins not loaded (refused or disabled) whose {@code META-INF/services} declare an
   * implementation of an SPI: what would have been there.
   *
   * @param spi the SPI
   * @return their reports
   */
  public List<PluginReport> notLoadedDeclaring(SpiType<?> spi) {
    return reports.stream()
        .filter(r -> r.status() != PluginStatus.LOADED && r.declares().contains(spi.label()))
        .toList();
  }

  /**
   * The plugins directory this registry loaded from.
   *
   * @return the directory, or empty for a class-path-only registry
   */
  public Optional<Path> pluginsDir() {
    return Optional.ofNullable(manager).map(PhantomPluginManager::getPluginsRoot);
  }

  /** Stops and unloads every plugin (in reverse order of start). Idempotent. */
  @Override
  public void close() {
    if (manager != null) {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }
}
