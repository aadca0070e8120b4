package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads values for input variables from the environment and the command line, in ascending
 * precedence: {@code KILN_VAR_name} entries, then {@code -var} and {@code -var-file} options
 * in the order given. Undeclared names are errors on the command line and ignored in the
 * environment.
 */
final class VariableInputReader
{
    /** A value for a variable and where it came from; later inputs win. */
    sealed interface Input
    {
        SourceRange range();

        /** A string from {@code -var} or the environment, interpreted according to the variable's type. */
        record Text(String text, SourceRange range)
                implements Input {}

        /** An expression from a variable file or a declaration's default. */
        record Written(Expression expression, SourceRange range)
                implements Input {}
    }

    private final Set<String> declared;
    private final Map<String, String> sources;
    private final Diagnostics diagnostics;
    private final Map<String, List<Input>> inputs = new LinkedHashMap<>();

    private VariableInputReader(Set<String> declared, Map<String, String> sources, Diagnostics diagnostics)
    {
        this.declared = declared;
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    /** Every input per variable name, lowest precedence first. Variable files' text is added to {@code sources}. */
    static Map<String, List<Input>> read(Set<String> declared, VariableInputs variableInputs, Map<String, String> sources, Diagnostics diagnostics)
    {
        VariableInputReader reader = new VariableInputReader(declared, sources, diagnostics);
        variableInputs.environment().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(VariableInputs.ENVIRONMENT_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    String name = entry.getKey().substring(VariableInputs.ENVIRONMENT_PREFIX.length());
                    if (declared.contains(name)) {
                        reader.add(name, new Input.Text(entry.getValue(), SourceRange.synthetic(entry.getKey())));
                    }
                });
        for (VariableInputs.CommandLineInput input : variableInputs.commandLine()) {
            switch (input) {
                case VariableInputs.CommandLineInput.Assignment assignment -> reader.assignment(assignment.text());
                case VariableInputs.CommandLineInput.File file -> reader.file(file);
            }
        }
        return reader.inputs;
    }

    private void add(String name, Input input)
    {
        inputs.computeIfAbsent(name, ignored -> new ArrayList<>()).add(input);
    }

    private void assignment(String text)
    {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Invalid -var option",
                    "The given -var option \"" + text + "\" is not correctly specified. It must be a variable name and value separated by an "
                            + "equals sign, like -var=\"key=value\"."));
            return;
        }
        String name = text.substring(0, equals).strip();
        SourceRange range = SourceRange.synthetic("-var");
        if (!declared.contains(name)) {
            diagnostics.add(Diagnostic.error(
                    "Value for undeclared variable",
                    "A variable named \"" + name + "\" was assigned on the command line, but the configuration does not declare a variable of "
                            + "that name. To use this value, add a variable \"" + name + "\" block to the configuration."
                            + DidYouMean.sentence(name, declared.stream().sorted().toList()),
                    range));
            return;
        }
        add(name, new Input.Text(text.substring(equals + 1), range));
    }

    private void file(VariableInputs.CommandLineInput.File file)
    {
        String filename = file.path().toString();
        String source;
        try {
            source = Files.readString(file.path(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Failed to read variables file",
                    "The variables file \"" + filename + "\" could not be read: " + FileProblem.describe(exception) + "."));
            return;
        }
        sources.put(filename, source);
        var parsed = Parser.parse(filename, source);
        diagnostics.addAll(parsed.diagnostics());
        for (Block block : parsed.file().body().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unexpected block in variables file",
                    "A variables file holds only assignments, like name = \"value\"; blocks of type \"" + block.type() + "\" are not expected here.",
                    block.typeRange()));
        }
        for (Attribute attribute : parsed.file().body().attributes()) {
            if (!declared.contains(attribute.name())) {
                diagnostics.add(Diagnostic.error(
                        "Value for undeclared variable",
                        "The variables file assigns \"" + attribute.name() + "\", but the configuration does not declare a variable of that name."
                                + DidYouMean.sentence(attribute.name(), declared.stream().sorted().toList()),
                        attribute.nameRange()));
                continue;
            }
            add(attribute.name(), new Input.Written(attribute.expression(), attribute.expression().range()));
        }
    }
}
