package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code kiln} as a separate Java process on this test's class path. */
final class KilnProcess
{
    private KilnProcess() {}

    static Process start(Path workingDirectory, Path output, String... arguments)
            throws IOException
    {
        return start(workingDirectory, output, Map.of(), arguments);
    }

    /** {@code environment} is added to this process's environment. */
    static Process start(Path workingDirectory, Path output, Map<String, String> environment, String... arguments)
            throws IOException
    {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
