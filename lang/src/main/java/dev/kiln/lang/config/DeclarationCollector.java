package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.BodyItem;
import dev.kiln.lang.ast.ConfigFile;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Sorts the top-level blocks of every file into {@link Declarations}, reporting unknown and duplicate ones. */
final class DeclarationCollector
{
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final Diagnostics diagnostics;
    private final Map<String, Block> variables = new LinkedHashMap<>();
    private final Map<String, Attribute> locals = new LinkedHashMap<>();
    private final Map<String, Block> outputs = new LinkedHashMap<>();
    private Declarations.KilnBlock kiln;
    private final List<ProviderDeclaration> providers = new ArrayList<>();
    private final SortedMap<String, SortedMap<String, ResourceDeclaration>> resources = new TreeMap<>();

    private DeclarationCollector(Diagnostics diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    static Declarations collect(List<ConfigFile> files, Diagnostics diagnostics)
    {
        DeclarationCollector collector = new DeclarationCollector(diagnostics);
        for (ConfigFile file : files) {
            for (BodyItem item : file.body().items()) {
                switch (item) {
                    case Attribute attribute -> BodyShape.unsupportedArgument(attribute, List.of(), List.of(), diagnostics);
                    case Block block -> collector.block(block);
                }
            }
        }
        return new Declarations(collector.variables, collector.locals, collector.outputs, Optional.ofNullable(collector.kiln), collector.providers, collector.resources);
    }

    private void block(Block block)
    {
        switch (block.type()) {
            case "variable" -> named(block, "variable", variables, "Duplicate variable declaration", "Variable");
            case "output" -> named(block, "output", outputs, "Duplicate output definition", "Output");
            case "locals" -> locals(block);
            case "kiln" -> kiln(block);
            case "provider" -> provider(block);
            default -> {
                if (KilnSchemas.isResourceType(block.type())) {
                    resource(block);
                }
                else {
                    TreeSet<String> known = new TreeSet<>(KilnSchemas.topLevelBlockTypes());
                    known.addAll(List.of("variable", "locals", "output"));
                    BodyShape.unsupportedBlock(block, known, List.of(), diagnostics);
                }
            }
        }
    }

    private void named(Block block, String kind, Map<String, Block> seen, String duplicateSummary, String noun)
    {
        if (!BodyShape.checkLabels(block, List.of("name"), diagnostics) || !validName(block, kind)) {
            return;
        }
        Block.Label label = block.labels().getFirst();
        Block previous = seen.putIfAbsent(label.value(), block);
        if (previous != null) {
            diagnostics.add(Diagnostic.error(
                    duplicateSummary,
                    noun + " \"" + label.value() + "\" was already declared at " + previous.headerRange() + ". " + noun + " names must be unique.",
                    label.range()));
        }
    }

    private boolean validName(Block block, String kind)
    {
        Block.Label label = block.labels().getFirst();
        if (IDENTIFIER.matcher(label.value()).matches()) {
            return true;
        }
        diagnostics.add(Diagnostic.error(
                "Invalid " + kind + " name",
                "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
                label.range()));
        return false;
    }

    private void locals(Block block)
    {
        BodyShape.checkLabels(block, List.of(), diagnostics);
        BodyShape.blocks(block.body(), List.of(), List.of(), diagnostics);
        for (Attribute attribute : block.body().attributes()) {
            Attribute previous = locals.putIfAbsent(attribute.name(), attribute);
            if (previous != null) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate local value definition",
                        "A local value named \"" + attribute.name() + "\" was already defined at " + previous.nameRange()
                                + ". Local value names must be unique.",
                        attribute.nameRange()));
            }
        }
    }

    private void kiln(Block block)
    {
        if (kiln != null) {
            diagnostics.add(Diagnostic.error(
                    "Duplicate kiln block",
                    "Only one kiln block is allowed in a configuration; another was defined at " + kiln.block().typeRange() + ".",
                    block.typeRange()));
            return;
        }
        KilnSchemas.topLevel("kiln", List.of()).ifPresent(schema -> kiln = new Declarations.KilnBlock(block, schema));
    }

    private void provider(Block block)
    {
        if (!BodyShape.checkLabels(block, List.of("type"), diagnostics)) {
            return;
        }
        Block.Label label = block.labels().getFirst();
        Optional<BlockSchema> schema = KilnSchemas.topLevel("provider", List.of(label.value()));
        if (schema.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid provider type",
                    "There is no provider type named \"" + label.value() + "\". Kiln's provider types are "
                            + String.join(", ", KilnSchemas.providerTypes()) + "." + DidYouMean.sentence(label.value(), KilnSchemas.providerTypes()),
                    label.range()));
            return;
        }
        ProviderDeclaration declaration = new ProviderDeclaration(label.value(), alias(block), block, schema.get());
        for (ProviderDeclaration existing : providers) {
            if (existing.name().equals(declaration.name())) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate provider configuration",
                        "A provider configuration named \"" + declaration.name() + "\" was already defined at " + existing.block().headerRange()
                                + ". Give each additional configuration of a provider a distinct alias.",
                        block.headerRange()));
                return;
            }
        }
        providers.add(declaration);
    }

    private Optional<String> alias(Block block)
    {
        Optional<Attribute> attribute = block.body().attributes().stream().filter(candidate -> candidate.name().equals("alias")).findFirst();
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        Value value = LiteralExpressions.evaluate(attribute.get().expression(), diagnostics);
        if (value instanceof Value.StringValue string && IDENTIFIER.matcher(string.value()).matches()) {
            return Optional.of(string.value());
        }
        diagnostics.add(Diagnostic.error(
                "Invalid provider alias",
                "A provider alias must be a literal name that starts with a letter or underscore, like alias = \"east\".",
                attribute.get().expression().range()));
        return Optional.empty();
    }

    private void resource(Block block)
    {
        if (!BodyShape.checkLabels(block, List.of("name"), diagnostics) || !validName(block, "resource")) {
            return;
        }
        Block.Label label = block.labels().getFirst();
        Optional<BlockSchema> schema = KilnSchemas.topLevel(block.type(), List.of(label.value()));
        if (schema.isEmpty()) {
            return;
        }
        SortedMap<String, ResourceDeclaration> byName = resources.computeIfAbsent(block.type(), ignored -> new TreeMap<>());
        ResourceDeclaration previous = byName.get(label.value());
        if (previous != null) {
            diagnostics.add(Diagnostic.error(
                    "Duplicate resource",
                    "A " + block.type() + " named \"" + label.value() + "\" was already declared at " + previous.block().headerRange()
                            + ". Resource names must be unique within their type.",
                    label.range()));
            return;
        }
        Map<String, Attribute> meta = new LinkedHashMap<>();
        for (Attribute attribute : block.body().attributes()) {
            if (ResourceDeclaration.META_ARGUMENTS.contains(attribute.name())) {
                meta.putIfAbsent(attribute.name(), attribute);
            }
        }
        byName.put(label.value(), new ResourceDeclaration(block.type(), label.value(), block, schema.get(), meta));
    }
}
