package dev.kiln.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The {@code ./kiln} launcher and {@code scripts/find-java}, run with fake Java installations. */
class LauncherTest
{
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    private Path bash;

    @BeforeEach
    void findBash()
    {
        Optional<Path> found = Stream.of("/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(found.isPresent(), "bash is not installed");
        bash = found.get();
    }

    @Test
    @DisplayName("without a JDK 21+, the launcher says which Java it found and how to fix it, and exits 1")
    void noSuitableJava()
            throws Exception
    {
        Path home = fakeJavaHome("jdk17", "17.0.2", false);
        Process process = launcher(List.of(PROJECT.resolve("kiln").toString(), "version"), Map.of(
                "JAVA_HOME", home.toString(),
                "PATH", home.resolve("bin") + ":" + tools(),
                "KILN_JVM_DIRS", directory.resolve("none").toString()));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), err);
        assertEquals("Kiln needs Java 21 or newer; found 17 at " + home + " (JAVA_HOME); install a JDK 21+ or set JAVA_HOME\n", err);
    }

    @Test
    @DisplayName("find-java skips an old JAVA_HOME and takes the newest JDK 21+ from the JVM directories")
    void systemDirectories()
            throws Exception
    {
        Path old = fakeJavaHome("jvm/jdk17", "17.0.2", true);
        fakeJavaHome("jvm/jdk21", "21.0.5", true);
        Path newest = fakeJavaHome("jvm/jdk23", "23.0.1", false);
        Process process = launcher(List.of(PROJECT.resolve("scripts/find-java").toString()), Map.of(
                "JAVA_HOME", old.toString(),
                "PATH", tools().toString(),
                "KILN_JVM_DIRS", directory.resolve("jvm").toString()));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals(newest.toRealPath() + "\n", out);
    }

    /**
     * A directory with just the commands the scripts use, so that no real Java on this
     * machine's PATH takes part.
     */
    private Path tools()
            throws IOException
    {
        Path tools = directory.resolve("tools");
        if (Files.isDirectory(tools)) {
            return tools;
        }
        Files.createDirectories(tools);
        for (String command : List.of("bash", "sed", "head", "readlink", "dirname", "sort")) {
            Optional<Path> found = Stream.of("/usr/local/bin", "/usr/bin", "/bin")
                    .map(folder -> Path.of(folder, command))
                    .filter(Files::isExecutable)
                    .findFirst();
            assumeTrue(found.isPresent(), command + " is not installed");
            Files.createSymbolicLink(tools.resolve(command), found.get());
        }
        return tools;
    }

    private Process launcher(List<String> command, Map<String, String> environment)
            throws IOException
    {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(bash.toString()), command.stream()).toList());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.directory(directory.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    /**
     * A Java home whose {@code bin/java} prints the properties and version banner of
     * {@code version}; with {@code releaseFile} it also has the {@code release} file a JDK ships.
     */
    private Path fakeJavaHome(String name, String version, boolean releaseFile)
            throws IOException
    {
        Path home = directory.resolve(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        String specification = version.substring(0, version.indexOf('.'));
        Files.writeString(java, """
                #!/bin/sh
                echo 'Property settings:' >&2
                echo '    java.specification.version = %s' >&2
                echo 'openjdk version "%s" 2024-01-16' >&2
                exit 0
                """.formatted(specification, version), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseFile) {
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n", StandardCharsets.UTF_8);
        }
        return home;
    }
}
