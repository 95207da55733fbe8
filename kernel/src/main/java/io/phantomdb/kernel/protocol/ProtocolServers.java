package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.config.ProtocolOptionKey;
import io.phantomdb.kernel.config.Setting;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.KnownSpis;
import io.phantomdb.kernel.plugin.PluginReport;
import io.phantomdb.kernel.plugin.ThreadContextClassLoader;
import io.phantomdb.spi.protocol.ProtocolContext;
import io.phantomdb.spi.protocol.ProtocolServer;
import io.phantomdb.spi.protocol.ProtocolServerException;
import io.phantomdb.spi.protocol.ProtocolServerFactory;
import io.phantomdb.spi.protocol.SessionService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The protocol servers {@code protocols} names, with their options ({@code <protocol>.host},
 * {@code <protocol>.port}, and the protocol's own, checked against what it declares): chosen and
 * checked before anything opens, started over the kernel's sessions, stopped in reverse order.
 */
public final class ProtocolServers implements AutoCloseable {
  /** Where a server listens when {@code <protocol>.host} is not set: local clients only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** One configured server. */
  private record Configured(String name, ProtocolServerFactory factory, String host, int port,
      Map<String, String> options) {}

  /**
   * A started server.
   *
   * @param name the protocol's name
   * @param address where it listens
   */
  public record Started(String name, InetSocketAddress address) {
    /** @return a URL clients can use, such as {@code postgresql://127.0.0.1:5433/} */
    public String url() {
      String scheme = name.equals("pgwire") ? "postgresql" : name;
      String host = address.getHostString();
      return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/";
    }
  }

  private final List<Configured> configured;
  private final List<ProtocolServer> running = new ArrayList<>();

  private ProtocolServers(List<Configured> configured) {
    this.configured = configured;
  }

  /**
   * Chooses the configured protocols and checks their options.
   *
   * @throws OperatorException if {@code protocols} is empty, names a protocol nobody provides, or
   *     an option is unknown or bad
   */
  public static ProtocolServers select(Config config, ExtensionRegistry registry) {
    List<String> names = config.get(ConfigKeys.PROTOCOLS);
    if (names.isEmpty()) {
      throw new OperatorException("protocols is empty, so there is nothing to serve; set protocols = pgwire");
    }
    List<Configured> all = new ArrayList<>();
    for (String name : names) {
      ProtocolServerFactory f = registry.find(KnownSpis.PROTOCOL, name).orElseThrow(() -> notAvailable(name, registry));
      String host = DEFAULT_HOST;
      int port = f.defaultPort();
      Map<String, String> options = new LinkedHashMap<>();
      for (Map.Entry<String, Setting> e : config.protocolOptions(name).entrySet()) {
        Setting s = e.getValue();
        switch (e.getKey()) {
          case ProtocolOptionKey.HOST -> host = s.value();
          case ProtocolOptionKey.PORT -> port = port(s);
          default -> {
            if (!f.supportedOptions().containsKey(e.getKey())) {
              throw new OperatorException(s.origin() + ": unknown option '" + e.getKey() + "' for protocol '" + name
                  + "'; its options: host, port" + (f.supportedOptions().isEmpty() ? ""
                      : ", " + String.join(", ", f.supportedOptions().keySet())));
            }
            options.put(e.getKey(), s.value());
          }
        }
      }
      all.add(new Configured(name, f, host, port, options));
    }
    return new ProtocolServers(all);
  }

  private static int port(Setting s) {
    try {
      int p = Integer.parseInt(s.value().strip());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new OperatorException(s.origin() + ": " + s.key() + ": '" + s.value() + "' is not a port (0..65535)");
  }

  private static OperatorException notAvailable(String name, ExtensionRegistry registry) {
    List<String> names = registry.names(KnownSpis.PROTOCOL);
    StringBuilder sb = new StringBuilder("protocols: '").append(name)
        .append("' is not available; available protocols: ")
        .append(names.isEmpty() ? "none (is the protocol-pgwire plugin in plugins.dir?)" : String.join(", ", names));
    List<PluginReport> notLoaded = registry.notLoadedDeclaring(KnownSpis.PROTOCOL);
    if (!notLoaded.isEmpty()) {
      sb.append("; not loaded: ").append(notLoaded.stream()
          .map(r -> r.displayName() + " (" + r.status() + ": " + r.reason() + ")")
          .collect(Collectors.joining(", ")));
    }
    return new OperatorException(sb.toString());
  }

  /**
   * Starts every server, in order; if one cannot start, stops those already started.
   *
   * @param sessions the kernel's sessions
   * @return where each listens
   * @throws OperatorException if a server rejects its options or cannot listen (one line: the
   *     protocol, the address and why)
   */
  public synchronized List<Started> start(SessionService sessions) {
    List<Started> started = new ArrayList<>();
    for (Configured c : configured) {
      try (ThreadContextClassLoader ignored = ThreadContextClassLoader.of(c.factory())) {
        ProtocolServer server = c.factory().create(new ProtocolContext(c.host(), c.port(), c.options(), sessions));
        running.add(server);
        started.add(new Started(c.name(), server.start()));
      } catch (IllegalArgumentException e) {
        stop(Duration.ZERO);
        throw new OperatorException("protocol '" + c.name() + "': " + e.getMessage(), e);
      } catch (ProtocolServerException e) {
        stop(Duration.ZERO);
        throw new OperatorException(c.name() + ": " + e.getMessage(), e);
      }
    }
    return started;
  }

  /**
   * Stops the servers in reverse order of start: no new connections, statements in progress get
   * {@code grace} to finish, then connections close.
   *
   * @param grace how long in-flight statements may take
   */
  public synchronized void stop(Duration grace) {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).stop(grace);
    }
    running.clear();
  }

  /** Stops without grace. */
  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}
