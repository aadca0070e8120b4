package dev.kiln.executors.ssh;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The run's per-host log files, {@code <directory>/<host>.log}: one line per output line, each
 * with the time, the host and the step, every secret masked, flushed as written so the file can
 * be followed while the run goes on. Without a directory nothing is written.
 */
final class HostLogs
        implements AutoCloseable
{
    private final Optional<Path> directory;
    private final SecretRedactor redactor;
    private final ConcurrentMap<String, HostLog> logs = new ConcurrentHashMap<>();

    HostLogs(Optional<Path> directory, SecretRedactor redactor)
    {
        this.directory = directory;
        this.redactor = redactor;
    }

    HostLog forHost(String host)
    {
        return logs.computeIfAbsent(host, name -> new HostLog(name, directory.map(path -> path.resolve(fileName(name))), redactor));
    }

    /** {@code node.w[0]} becomes {@code node.w_0_.log}: anything but letters, digits, dot, dash and underscore becomes an underscore. */
    static String fileName(String host)
    {
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + ".log";
    }

    @Override
    public void close()
    {
        logs.values().forEach(HostLog::close);
    }

    /** One host's log; safe from many threads. */
    static final class HostLog
    {
        private final String host;
        private final Optional<Path> file;
        private final SecretRedactor redactor;
        private BufferedWriter writer;
        private boolean failed;

        HostLog(String host, Optional<Path> file, SecretRedactor redactor)
        {
            this.host = host;
            this.file = file;
            this.redactor = redactor;
        }

        void line(String step, String stream, String text)
        {
            if (file.isEmpty()) {
                return;
            }
            String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + host + " [" + step + "] " + stream + " " + redactor.redact(text);
            synchronized (this) {
                if (failed) {
                    return;
                }
                try {
                    if (writer == null) {
                        Files.createDirectories(file.get().getParent());
                        writer = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                }
                catch (IOException e) {
                    failed = true;
                    throw new UncheckedIOException("cannot write the log of " + host + " to " + file.get(), e);
                }
            }
        }

        synchronized void close()
        {
            if (writer != null) {
                try {
                    writer.close();
                }
                catch (IOException ignored) {
                    // the log lines were flushed as written; nothing is lost
                }
                writer = null;
            }
        }
    }
}
