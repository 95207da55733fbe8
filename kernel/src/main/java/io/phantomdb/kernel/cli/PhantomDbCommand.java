package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code phantomdb} command: global options, shared by every subcommand, and the way to the
 * configuration they all read.
 */
@Command(
    name = "phantomdb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "PhantomDB, a SQL database assembled from plugins.",
    subcommands = {VersionCommand.class, PluginsCommand.class, StorageCommand.class, SqlCommand.class,
      CheckCommand.class, StartCommand.class},
    usageHelpAutoWidth = true)
public final class PhantomDbCommand implements Runnable {
  /** The configuration file, relative to home, used when {@code --config} is not given. */
  public static final String DEFAULT_CONFIG = "conf/phantomdb.conf";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "configuration file (default: <home>/" + DEFAULT_CONFIG + ", if it exists)")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      scope = ScopeType.INHERIT,
      description = "set a configuration key, overriding the file and the environment (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "show details of failures (stack traces) and plugin loading")
  boolean verbose;

  @Spec CommandSpec spec;

  private final Path home;
  private final Map<String, String> environment;

  /**
   * Creates the command.
   *
   * @param home the installation directory
   * @param environment the process environment ({@code PHANTOMDB_*} variables are read)
   */
  public PhantomDbCommand(Path home, Map<String, String> environment) {
    this.home = home;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: version, plugins, storage, sql, check, start");
  }

  /**
   * The installation directory.
   *
   * @return an absolute path
   */
  public Path home() {
    return home;
  }

  /**
   * Whether {@code --verbose} was given.
   *
   * @return true for details
   */
  public boolean verbose() {
    return verbose;
  }

  /**
   * Loads the configuration from the file, the environment and {@code --set}.
   *
   * @return the configuration
   * @throws io.phantomdb.kernel.error.OperatorException on any problem in it
   */
  public Config loadConfig() {
    return loadConfig(List.of());
  }

  /**
   * Loads the configuration as {@link #loadConfig()} does, with a subcommand's own options (such
   * as {@code --data-dir}) applied last, as if given with {@code --set}.
   *
   * @param extraOverrides {@code key=value} settings that win over everything else
   * @return the configuration
   * @throws io.phantomdb.kernel.error.OperatorException on any problem in it
   */
  public Config loadConfig(List<String> extraOverrides) {
    boolean explicit = configFile != null;
    Path file = explicit ? configFile.toAbsolutePath() : home.resolve(DEFAULT_CONFIG);
    List<String> all = new ArrayList<>(overrides);
    all.addAll(extraOverrides);
    return ConfigLoader.forHome(home)
        .file(file, explicit)
        .environment(environment)
        .overrides(all)
        .load();
  }
}
