package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.ConfigFile;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.rules.EncryptionRules;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.functions.StandardFunctions;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Reads just the {@code kiln { encryption }} block, before anything else: the state cannot be
 * read without its key, and the rest of the configuration is evaluated against the state. So
 * the block may refer to input variables (and functions), nothing else, and only the variables
 * it names are resolved: a command that only reads the state needs no other variable given.
 * A configuration whose files never mention "encryption" costs reading them, nothing more.
 */
public final class EncryptionSettingsLoader
{
    private static final String KILN = "kiln";
    private static final String ENCRYPTION = "encryption";

    private EncryptionSettingsLoader() {}

    public static EncryptionLoad load(Path directory, VariableInputs inputs)
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(inputs, "inputs is null");
        SortedMap<String, String> files = ConfigLoader.read(directory, new Diagnostics());
        Map<String, String> sources = new TreeMap<>(files);
        if (files.values().stream().noneMatch(text -> text.contains(ENCRYPTION))) {
            return new EncryptionLoad(Optional.empty(), List.of(), sources);
        }
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigFile> parsed = new ArrayList<>();
        files.forEach((name, text) -> {
            var result = Parser.parse(name, text);
            diagnostics.addAll(result.diagnostics());
            parsed.add(result.file());
        });
        Optional<Block> encryption = parsed.stream()
                .flatMap(file -> file.body().blocks().stream())
                .filter(block -> block.type().equals(KILN))
                .flatMap(block -> block.body().blocks().stream())
                .filter(block -> block.type().equals(ENCRYPTION))
                .findFirst();
        if (diagnostics.hasErrors() || encryption.isEmpty()) {
            return new EncryptionLoad(Optional.empty(), diagnostics.toList(), sources);
        }
        TreeSet<String> referenced = new TreeSet<>();
        collectVariables(encryption.get(), referenced, diagnostics);
        Declarations declarations = DeclarationCollector.collect(parsed, new Diagnostics());
        for (String name : referenced) {
            if (!declarations.variables().containsKey(name)) {
                diagnostics.add(Diagnostic.error("Reference to undeclared input variable",
                        "The encryption settings refer to var." + name + ", and no variable \"" + name + "\" is declared. Declare it with variable \""
                                + name + "\" { sensitive = true }.", encryption.get().typeRange()));
            }
        }
        Map<String, Function> functions = StandardFunctions.create(directory);
        VariableResolver.Resolution variables = VariableResolver.resolve(declarations.variables(), referenced, inputs, functions, sources, diagnostics);
        if (diagnostics.hasErrors()) {
            return new EncryptionLoad(Optional.empty(), diagnostics.toList(), sources);
        }
        Map<String, Value> values = new TreeMap<>();
        variables.variables().forEach((name, variable) -> values.put(name, variable.value()));
        BlockSchema schema = KilnSchemas.topLevel(KILN, List.of()).orElseThrow().blocks().get(ENCRYPTION).schema();
        var decoded = SchemaDecoder.decode(encryption.get(), schema, EvalContext.of(Map.of("var", Value.object(values)), functions), diagnostics);
        EncryptionSettings settings = EncryptionSettings.from(decoded, diagnostics);
        EncryptionRules.check(settings, diagnostics);
        return new EncryptionLoad(diagnostics.hasErrors() ? Optional.empty() : Optional.of(settings), diagnostics.toList(), sources);
    }

    /** The input variables the block's expressions name; any other reference is reported, as the block is read before anything else exists. */
    private static void collectVariables(Block block, TreeSet<String> names, Diagnostics diagnostics)
    {
        for (Attribute attribute : block.body().attributes()) {
            for (StaticReference reference : ReferenceFinder.find(attribute.expression())) {
                List<Traverser> steps = reference.traversal().steps();
                if (reference.rootName().equals("var") && steps.size() > 1 && steps.get(1) instanceof Traverser.Attribute name) {
                    names.add(name.name());
                }
                else {
                    diagnostics.add(Diagnostic.error("Invalid reference in encryption settings",
                            "The encryption settings can refer to input variables only (var.NAME), not to " + reference.traversal()
                                    + ": Kiln reads them before the state, and everything else is evaluated against the state.",
                            reference.range()));
                }
            }
        }
        block.body().blocks().forEach(nested -> collectVariables(nested, names, diagnostics));
    }
}
