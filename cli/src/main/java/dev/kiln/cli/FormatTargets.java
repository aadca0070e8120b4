package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.kiln.lang.diag.Diagnostic;

/**
 * The files {@code kiln fmt} works on: named files as they are, and in named directories (the
 * working directory by default) every {@code *.kiln.hcl}, in subdirectories too with
 * {@code -recursive} (hidden directories such as {@code .kiln} and {@code .git} are skipped).
 */
record FormatTargets(List<Target> files, List<Diagnostic> diagnostics)
{
    static final String EXTENSION = ".kiln.hcl";

    /** A file to format and the name to show for it (as the user spelled it). */
    record Target(Path path, String displayName) {}

    FormatTargets
    {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    static FormatTargets find(Path workingDirectory, List<String> paths, boolean recursive)
    {
        List<Target> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (paths.isEmpty()) {
            addDirectory(workingDirectory, "", recursive, files, diagnostics);
        }
        for (String given : paths) {
            Path path = workingDirectory.resolve(given).normalize();
            if (Files.isDirectory(path)) {
                addDirectory(path, given, recursive, files, diagnostics);
            }
            else if (Files.isRegularFile(path)) {
                files.add(new Target(path, given));
            }
            else {
                diagnostics.add(Diagnostic.errorWithoutSource("No file or directory",
                        "There is no file or directory at \"" + given + "\". Give the path of a *.kiln.hcl file or of a directory that holds some."));
            }
        }
        return new FormatTargets(files, diagnostics);
    }

    private static void addDirectory(Path directory, String given, boolean recursive, List<Target> files, List<Diagnostic> diagnostics)
    {
        try (Stream<Path> walk = Files.walk(directory, recursive ? Integer.MAX_VALUE : 1)) {
            walk.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(EXTENSION))
                    .filter(path -> !isHidden(directory.relativize(path)))
                    .sorted(Comparator.comparing(path -> directory.relativize(path).toString()))
                    .forEach(path -> files.add(new Target(path, displayName(given, directory.relativize(path)))));
        }
        catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.errorWithoutSource("Failed to read directory",
                    "Could not list the files of \"" + (given.isEmpty() ? "." : given) + "\": " + e.getMessage()));
        }
    }

    /** True when a directory on the way to the file starts with a dot. */
    private static boolean isHidden(Path relative)
    {
        for (int index = 0; index < relative.getNameCount() - 1; index++) {
            if (relative.getName(index).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String displayName(String given, Path relative)
    {
        if (given.isEmpty() || given.equals(".")) {
            return relative.toString();
        }
        return given.endsWith("/") ? given + relative : given + "/" + relative;
    }
}
