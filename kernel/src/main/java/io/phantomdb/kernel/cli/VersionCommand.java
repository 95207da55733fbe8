package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.info.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code phantomdb version}: versions of PhantomDB, its plugin API, Java and the OS. */
@Command(
    mixinStandardHelpOptions = true,
    name = "version",
    description = "Show the PhantomDB, plugin API, Java and OS versions (reads no configuration).")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand PhantomDbCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : lines()) {
      spec.commandLine().getOut().println(line);
    }
    spec.commandLine().getOut().println("home       " + parent.home());
    return 0;
  }

  static String[] lines() {
    return new String[] {
      "PhantomDB  " + BuildInfo.version(),
      "api        " + BuildInfo.apiVersion(),
      "java       " + BuildInfo.java(),
      "os         " + BuildInfo.os()
    };
  }

  /** The same lines for {@code phantomdb --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines();
    }
  }
}
