package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.plugin.SpiType;
import io.phantomdb.kernel.plugin.ThreadContextClassLoader;
import io.phantomdb.spi.ApiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.BasePluginRepository;
import org.pf4j.DefaultExtensionFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's plugin manager set up for PhantomDB, driven one plugin at a time by {@link
 * PluginBootstrap} so that every problem becomes a {@link Refusal} for that plugin alone:
 *
 * <ul>
 *   <li>the system version is the api version, so {@code plugin.requires} is enforced;
 *   <li>implementations are found in {@code META-INF/services} (no {@code @Extension});
 *   <li>class loading is plugin-first except {@code io.phantomdb.spi.*} ({@link
 *       SpiFirstClassLoader});
 *   <li>always deployment mode; which plugins are disabled comes from {@code plugins.disabled},
 *       not from PF4J's {@code disabled.txt}; zips are expanded by {@link PluginZips}, not here.
 * </ul>
 */
public final class PhantomPluginManager extends DefaultPluginManager {

  /**
   * Creates the manager.
   *
   * @param pluginsDir the plugins directory (PF4J's plugins root)
   */
  public PhantomPluginManager(Path pluginsDir) {
    super(pluginsDir);
    setSystemVersion(ApiVersion.current());
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    ExtensionFinder finder = super.createExtensionFinder();
    ((DefaultExtensionFinder) finder).addServiceProviderExtensionFinder();
    return finder;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new SpiFirstPluginLoader(this);
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new BasePluginRepository(List.of());
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new PluginStatusProvider() {
      @Override
      public boolean isPluginDisabled(String pluginId) {
        return false;
      }

      @Override
      public void disablePlugin(String pluginId) {}

      @Override
      public void enablePlugin(String pluginId) {}
    };
  }

  /**
   * Reads and checks the descriptor of an expanded plugin.
   *
   * @param pluginDir the plugin directory
   * @return the descriptor, with id and version
   * @throws Refusal if there is none or it lacks id or version
   */
  public PluginDescriptor readDescriptor(Path pluginDir) throws Refusal {
    PluginDescriptor d;
    try {
      d = getPluginDescriptorFinder().find(pluginDir);
    } catch (RuntimeException e) {
      if (Files.exists(pluginDir.resolve("plugin.properties"))) {
        throw new Refusal("cannot read plugin.properties: " + Refusal.describe(e));
      }
      throw new Refusal(
          "no plugin descriptor: expected plugin.properties at the top of the plugin");
    }
    if (d.getPluginId() == null || d.getPluginId().isBlank()) {
      throw new Refusal("the plugin descriptor has no plugin.id");
    }
    if (d.getVersion() == null || d.getVersion().isBlank()) {
      throw new Refusal("the plugin descriptor has no plugin.version");
    }
    return d;
  }

  /**
   * Checks {@code plugin.requires} against the api version, as PF4J does (a bare {@code x.y.z}
   * means {@code >=x.y.z}).
   *
   * @param d the descriptor
   * @throws Refusal if the range does not contain the api version or is not a valid range
   */
  public void checkRequires(PluginDescriptor d) throws Refusal {
    String requires = d.getRequires() == null ? "*" : d.getRequires().trim();
    String range = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
    boolean ok;
    try {
      ok = getVersionManager().checkVersionConstraint(getSystemVersion(), range);
    } catch (RuntimeException e) {
      throw new Refusal(
          "plugin.requires '" + requires + "' is not a version range (such as >=1.0.0 & <2.0.0)");
    }
    if (!ok) {
      throw new Refusal(
          "plugin.requires '" + requires + "' does not include this PhantomDB's api version "
              + getSystemVersion());
    }
  }

  /**
   * Creates the plugin's class loader and registers it (not yet started).
   *
   * @param pluginDir the expanded plugin
   * @return its wrapper
   * @throws Refusal if PF4J cannot load it
   */
  public PluginWrapper load(Path pluginDir) throws Refusal {
    try {
      return loadPluginFromPath(pluginDir);
    } catch (PluginRuntimeException e) {
      throw new Refusal("cannot load: " + Refusal.describe(e));
    }
  }

  /** Resolves plugin dependencies; plugins whose dependencies are missing are unloaded. */
  public void resolve() {
    resolvePlugins();
  }

  /**
   * Starts one plugin (and the plugins it depends on).
   *
   * @param pluginId the plugin
   * @throws Refusal if its plugin class cannot be created or its start fails
   */
  public void start(String pluginId) throws Refusal {
    PluginWrapper w = getPlugin(pluginId);
    if (w.getPlugin() == null) {
      throw new Refusal(
          "cannot create its plugin.class '" + w.getDescriptor().getPluginClass() + "'");
    }
    try (ThreadContextClassLoader ignored = ThreadContextClassLoader.of(w.getPluginClassLoader())) {
      startPlugin(pluginId);
    } catch (RuntimeException | LinkageError e) {
      throw new Refusal("failed to start: " + Refusal.describe(e));
    }
  }

  /**
   * Creates the implementations of one SPI a started plugin provides, and checks that every class
   * it declares was found.
   *
   * @param spi the SPI
   * @param pluginId the plugin
   * @param declared the class names its {@code META-INF/services} file lists for the SPI
   * @param <T> the SPI interface
   * @return the implementations
   * @throws Refusal if a declared class is missing, is not an implementation, or cannot be created
   */
  public <T> List<T> extensions(SpiType<T> spi, String pluginId, List<String> declared)
      throws Refusal {
    List<T> result = new ArrayList<>();
    List<String> found = new ArrayList<>();
    try (ThreadContextClassLoader ignored = ThreadContextClassLoader.of(getPluginClassLoader(pluginId))) {
      collect(spi, pluginId, result, found);
    }
    for (String className : declared) {
      if (!found.contains(className)) {
        throw new Refusal(whyNotFound(spi, pluginId, className));
      }
    }
    return result;
  }

  private <T> void collect(SpiType<T> spi, String pluginId, List<T> result, List<String> found)
      throws Refusal {
    for (ExtensionWrapper<T> w : extensionFinder.find(spi.type(), pluginId)) {
      String className = w.getDescriptor().extensionClass.getName();
      found.add(className);
      try {
        result.add(w.getExtension());
      } catch (RuntimeException | LinkageError e) {
        throw new Refusal("cannot create " + className + ": " + Refusal.describe(e));
      }
    }
  }

  /**
   * Stops and unloads a plugin, ignoring failures (it is being refused anyway).
   *
   * @param pluginId the plugin
   */
  public void discard(String pluginId) {
    if (getPlugin(pluginId) == null) {
      return;
    }
    try {
      unloadPlugin(pluginId, false);
    } catch (RuntimeException | LinkageError e) {
      // nothing more can be done; the plugin is reported as refused
    }
  }

  private String whyNotFound(SpiType<?> spi, String pluginId, String className) {
    String where = "META-INF/services/" + spi.type().getName() + " lists " + className;
    try {
      getPluginClassLoader(pluginId).loadClass(className);
      return where + ", which does not implement " + spi.type().getName();
    } catch (ClassNotFoundException e) {
      return where + ", which is not in the plugin";
    } catch (LinkageError e) {
      return where + ", which cannot be loaded: " + Refusal.describe(e);
    }
  }
}
