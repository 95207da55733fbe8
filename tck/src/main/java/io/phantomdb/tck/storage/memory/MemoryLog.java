package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The memory engine's log: a sequence of records {@code [int length][int crc32c][payload]}.
 * Payloads start with a type byte: {@link #CREATE} or {@link #DROP} and a keyspace name, or
 * {@link #BATCH} and its operations. A torn record at the end of the file (a crash mid-append) is
 * cut off on replay; a bad record followed by more data is corruption.
 */
final class MemoryLog implements AutoCloseable {
  static final byte CREATE = 1;
  static final byte DROP = 2;
  static final byte BATCH = 3;
  static final byte OP_PUT = 1;
  static final byte OP_DELETE = 2;
  static final byte OP_DELETE_RANGE = 3;

  /** Receives replayed records. */
  interface Replay {
    void record(ByteBuffer payload);
  }

  private final Path file;
  private final FileChannel channel;

  private MemoryLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating if absent) the log, replaying every intact record into {@code replay}. */
  static MemoryLog open(Path file, Replay replay) {
    try {
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long end = replay(file, ch, replay);
      ch.truncate(end);
      ch.position(end);
      return new MemoryLog(file, ch);
    } catch (IOException e) {
      throw new StorageException("cannot open memory engine log " + file + ": " + e.getMessage(), e);
    }
  }

  private static long replay(Path file, FileChannel ch, Replay replay) throws IOException {
    long size = ch.size();
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
    while (all.hasRemaining() && ch.read(all, all.position()) > 0) {
      // read fully
    }
    all.flip();
    long good = 0;
    while (all.remaining() >= 8) {
      int len = all.getInt();
      int crc = all.getInt();
      if (len < 0 || len > all.remaining()) {
        break; // torn tail
      }
      ByteBuffer payload = all.slice(all.position(), len);
      CRC32C c = new CRC32C();
      c.update(payload.duplicate());
      if ((int) c.getValue() != crc) {
        if (all.position() + len == size) {
          break; // torn tail
        }
        throw new StorageCorruptionException(
            "memory engine log " + file + " is damaged at offset " + good + " (checksum mismatch)");
      }
      replay.record(payload);
      all.position(all.position() + len);
      good = all.position();
    }
    return good;
  }

  /** Appends one record; with {@code sync} it is on disk when this returns. */
  void append(byte[] payload, boolean sync) {
    CRC32C c = new CRC32C();
    c.update(payload);
    ByteBuffer header = ByteBuffer.allocate(8).putInt(payload.length).putInt((int) c.getValue());
    header.flip();
    try {
      ByteBuffer body = ByteBuffer.wrap(payload);
      while (header.hasRemaining() || body.hasRemaining()) {
        channel.write(new ByteBuffer[] {header, body});
      }
      if (sync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new StorageException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  static byte[] keyspaceRecord(byte type, String name) {
    Encoder enc = new Encoder();
    enc.write(type);
    enc.string(name);
    return enc.bytes();
  }

  /** Builds record payloads. */
  static final class Encoder {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    void string(String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] b) {
      writeInt(b.length);
      buf.writeBytes(b);
    }

    void write(int b) {
      buf.write(b);
    }

    void writeInt(int v) {
      buf.write(v >>> 24);
      buf.write(v >>> 16);
      buf.write(v >>> 8);
      buf.write(v);
    }

    byte[] bytes() {
      return buf.toByteArray();
    }
  }

  static String readString(ByteBuffer b) {
    return new String(readBytes(b), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(ByteBuffer b) {
    byte[] out = new byte[b.getInt()];
    b.get(out);
    return out;
  }

  /** Writes a fresh log holding exactly the given payloads, synced. */
  static void writeFresh(Path file, Iterable<byte[]> payloads) {
    try (MemoryLog log = open(file, p -> {})) {
      for (byte[] p : payloads) {
        log.append(p, false);
      }
      log.channel.force(true);
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static boolean exists(Path dir, String name) {
    return Files.exists(dir.resolve(name));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
