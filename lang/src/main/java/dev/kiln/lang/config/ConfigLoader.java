package dev.kiln.lang.config;

import dev.kiln.lang.ast.ConfigFile;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.functions.StandardFunctions;
import dev.kiln.lang.syntax.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Loads a configuration: every {@code *.kiln.hcl} file of one directory (not its
 * sub-directories), parsed, given variable values, evaluated and decoded into a {@link Config}.
 * All problems, in every file, come back as diagnostics; the config is present only when
 * there are no errors.
 */
public final class ConfigLoader
{
    public static final String FILE_SUFFIX = ".kiln.hcl";

    private ConfigLoader() {}

    public static LoadResult load(Path directory, VariableInputs inputs)
    {
        return load(directory, inputs, ResourceValues.CONFIGURED);
    }

    /** Loads with resource values supplied by {@code resourceValues} (the planner's, from state) where it has them. */
    public static LoadResult load(Path directory, VariableInputs inputs, ResourceValues resourceValues)
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(resourceValues, "resourceValues is null");
        Diagnostics diagnostics = new Diagnostics();
        SortedMap<String, String> files = read(directory, diagnostics);
        Map<String, String> sources = new TreeMap<>(files);
        if (files.isEmpty()) {
            return new LoadResult(Optional.empty(), diagnostics.toList(), sources);
        }
        List<ConfigFile> parsed = new ArrayList<>();
        Set<Diagnostic> syntaxErrors = new HashSet<>();
        files.forEach((name, text) -> {
            var result = Parser.parse(name, text);
            diagnostics.addAll(result.diagnostics());
            syntaxErrors.addAll(result.diagnostics());
            parsed.add(result.file());
        });
        Declarations declarations = DeclarationCollector.collect(parsed, diagnostics);
        Map<String, Function> functions = StandardFunctions.create(directory);
        VariableResolver.Resolution variables = VariableResolver.resolve(declarations.variables(), inputs, functions, sources, diagnostics);
        Optional<Config> config = ConfigEvaluation.evaluate(declarations, variables, functions, resourceValues, inputs.unsetAllowed(), SourceHash.of(files), diagnostics);
        return new LoadResult(diagnostics.hasErrors() ? Optional.empty() : config, withoutFollowOns(diagnostics.toList(), syntaxErrors), sources);
    }

    /**
     * Leaves out the diagnostics of later steps that start exactly where a syntax error does:
     * they are about the parser's repair of that mistake (a name read as the collection of a
     * for expression missing its "in", say), not about another one.
     */
    private static List<Diagnostic> withoutFollowOns(List<Diagnostic> diagnostics, Set<Diagnostic> syntaxErrors)
    {
        if (syntaxErrors.isEmpty()) {
            return diagnostics;
        }
        Set<SourceRange> starts = new HashSet<>();
        syntaxErrors.forEach(error -> error.subject().ifPresent(subject -> starts.add(startOf(subject))));
        return diagnostics.stream()
                .filter(diagnostic -> syntaxErrors.contains(diagnostic)
                        || diagnostic.subject().isEmpty()
                        || !starts.contains(startOf(diagnostic.subject().get())))
                .toList();
    }

    private static SourceRange startOf(SourceRange range)
    {
        return new SourceRange(range.filename(), range.start(), range.start());
    }

    static SortedMap<String, String> read(Path directory, Diagnostics diagnostics)
    {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Configuration directory not found",
                    "The directory \"" + directory + "\" does not exist or is not a directory. Run Kiln in the directory that holds the "
                            + "*" + FILE_SUFFIX + " files, or point it there with -chdir."));
            return files;
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(path -> path.getFileName().toString().endsWith(FILE_SUFFIX) && Files.isRegularFile(path)).sorted().toList();
        }
        catch (IOException exception) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Failed to read configuration directory",
                    "The directory \"" + directory + "\" could not be listed: " + FileProblem.describe(exception) + "."));
            return files;
        }
        if (paths.isEmpty()) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "No configuration files",
                    "The directory \"" + directory + "\" holds no *" + FILE_SUFFIX + " files. A Kiln configuration is the set of *"
                            + FILE_SUFFIX + " files of one directory."));
            return files;
        }
        for (Path path : paths) {
            try {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
            catch (IOException exception) {
                diagnostics.add(Diagnostic.errorWithoutSource(
                        "Failed to read file",
                        "The configuration file \"" + path + "\" could not be read: " + FileProblem.describe(exception) + "."));
            }
        }
        return files;
    }
}
