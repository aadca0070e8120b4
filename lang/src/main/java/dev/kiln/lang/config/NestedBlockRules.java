package dev.kiln.lang.config;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many nested blocks of each type a block may hold: single, labeled, required, one-of groups. */
final class NestedBlockRules
{
    private NestedBlockRules() {}

    static void check(Block parent, BlockSchema schema, List<Block> nested, Diagnostics diagnostics)
    {
        Map<String, List<Block>> byType = new LinkedHashMap<>();
        for (Block block : nested) {
            byType.computeIfAbsent(block.type(), ignored -> new ArrayList<>()).add(block);
        }
        schema.blocks().forEach((type, nestedSchema) -> {
            List<Block> blocks = byType.getOrDefault(type, List.of());
            switch (nestedSchema.nesting()) {
                case SINGLE -> checkSingle(type, blocks, diagnostics);
                case LABELED -> checkLabelsUnique(type, blocks, diagnostics);
                case LIST -> {}
            }
            if (nestedSchema.required() && nestedSchema.oneOfGroup().isEmpty() && blocks.isEmpty()) {
                diagnostics.add(Diagnostic.error(
                        "Missing " + type + " block",
                        "A block of type \"" + type + "\" is required here.",
                        parent.headerRange()));
            }
        });
        checkGroups(parent, schema, nested, diagnostics);
    }

    private static void checkSingle(String type, List<Block> blocks, Diagnostics diagnostics)
    {
        for (Block extra : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
            diagnostics.add(Diagnostic.error(
                    "Too many " + type + " blocks",
                    "Only one \"" + type + "\" block is allowed here. Another was defined at " + blocks.getFirst().typeRange() + ".",
                    extra.typeRange()));
        }
    }

    private static void checkLabelsUnique(String type, List<Block> blocks, Diagnostics diagnostics)
    {
        Map<List<String>, Block> seen = new HashMap<>();
        for (Block block : blocks) {
            List<String> labels = block.labels().stream().map(Block.Label::value).toList();
            if (labels.isEmpty()) {
                continue;
            }
            Block previous = seen.putIfAbsent(labels, block);
            if (previous != null) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate " + type + " block",
                        "A \"" + type + "\" block labeled \"" + String.join("\" \"", labels) + "\" was already defined at "
                                + previous.typeRange() + ". Each " + type + " block needs a unique label.",
                        block.labels().getFirst().range()));
            }
        }
    }

    private static void checkGroups(Block parent, BlockSchema schema, List<Block> nested, Diagnostics diagnostics)
    {
        Map<String, List<String>> members = new LinkedHashMap<>();
        schema.blocks().forEach((type, nestedSchema) -> {
            if (!nestedSchema.oneOfGroup().isEmpty()) {
                members.computeIfAbsent(nestedSchema.oneOfGroup(), ignored -> new ArrayList<>()).add(type);
            }
        });
        members.forEach((group, types) -> {
            Block first = null;
            for (Block block : nested) {
                if (!types.contains(block.type())) {
                    continue;
                }
                if (first == null) {
                    first = block;
                }
                else if (!first.type().equals(block.type())) {
                    diagnostics.add(Diagnostic.error(
                            "Conflicting configuration blocks",
                            "Only one of the blocks " + quotedList(types) + " may be set. This \"" + block.type()
                                    + "\" block conflicts with the \"" + first.type() + "\" block at " + first.typeRange() + ".",
                            block.typeRange()));
                }
            }
            boolean required = types.stream().anyMatch(type -> schema.blocks().get(type).required());
            if (first == null && required) {
                diagnostics.add(Diagnostic.error(
                        "Missing " + String.join(" or ", types) + " block",
                        "Exactly one of the blocks " + quotedList(types) + " is required here.",
                        parent.headerRange()));
            }
        });
    }

    private static String quotedList(List<String> types)
    {
        return "\"" + String.join("\" or \"", types) + "\"";
    }
}
