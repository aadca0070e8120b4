package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Kiln's built-in functions, with Terraform's names and behaviour. None of them depends on
 * time, randomness or the environment: the same arguments give the same result on every run.
 */
public final class StandardFunctions
{
    private StandardFunctions() {}

    /**
     * All standard functions by name. File functions ({@code file}, {@code fileexists},
     * {@code abspath}, {@code templatefile}) resolve relative paths against
     * {@code baseDirectory}, the configuration directory.
     */
    public static Map<String, Function> create(Path baseDirectory)
    {
        requireNonNull(baseDirectory, "baseDirectory is null");
        List<Function> functions = new ArrayList<>();
        functions.addAll(StringFunctions.all());
        functions.addAll(FormatFunctions.all());
        functions.addAll(RegexFunctions.all());
        functions.addAll(CollectionFunctions.all());
        functions.addAll(SequenceFunctions.all());
        functions.addAll(MappingFunctions.all());
        functions.addAll(ConversionFunctions.all());
        functions.addAll(NumberFunctions.all());
        functions.addAll(SensitivityFunctions.all());
        functions.addAll(EncodingFunctions.all());
        functions.addAll(HashFunctions.all());
        functions.addAll(NetworkFunctions.all());
        FileFunctions files = new FileFunctions(baseDirectory);
        functions.addAll(files.all());
        SortedMap<String, Function> byName = new TreeMap<>();
        for (Function function : functions) {
            if (byName.put(function.name(), function) != null) {
                throw new IllegalStateException("function declared twice: " + function.name());
            }
        }
        byName.put("templatefile", TemplateFileFunction.create(files, byName));
        return Collections.unmodifiableSortedMap(byName);
    }
}
