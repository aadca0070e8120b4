package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural checks every block goes through before its values are evaluated: the
 * number of labels, arguments and nested blocks the block may hold, and arguments set twice.
 */
final class BodyShape
{
    private BodyShape() {}

    /** Reports missing or extra labels; {@code labelNames} are the labels' names for the message. */
    static boolean checkLabels(Block block, List<String> labelNames, Diagnostics diagnostics)
    {
        List<Block.Label> labels = block.labels();
        if (labels.size() < labelNames.size()) {
            diagnostics.add(Diagnostic.error(
                    "Missing name for " + block.type(),
                    "All " + block.type() + " blocks must have " + labelNames.size() + " label" + (labelNames.size() == 1 ? "" : "s")
                            + " (" + String.join(", ", labelNames) + ").",
                    block.headerRange()));
            return false;
        }
        if (labels.size() > labelNames.size()) {
            Block.Label extra = labels.get(labelNames.size());
            diagnostics.add(Diagnostic.error(
                    "Extraneous label for " + block.type(),
                    labelNames.isEmpty()
                            ? "No labels are expected for " + block.type() + " blocks."
                            : "Only " + labelNames.size() + " label" + (labelNames.size() == 1 ? "" : "s") + " ("
                                    + String.join(", ", labelNames) + ") " + (labelNames.size() == 1 ? "is" : "are")
                                    + " expected for " + block.type() + " blocks.",
                    extra.range(),
                    block.headerRange()));
            return false;
        }
        return true;
    }

    /**
     * The body's attributes by name, first definition kept; reports redefinitions and names
     * outside {@code argumentNames}. Attributes in {@code ignored} are left out silently.
     */
    static Map<String, Attribute> attributes(Body body, Collection<String> argumentNames, Collection<String> blockTypes, Set<String> ignored, Diagnostics diagnostics)
    {
        Map<String, Attribute> seen = new LinkedHashMap<>();
        Map<String, Attribute> accepted = new LinkedHashMap<>();
        for (Attribute attribute : body.attributes()) {
            Attribute previous = seen.putIfAbsent(attribute.name(), attribute);
            if (previous != null) {
                diagnostics.add(Diagnostic.error(
                        "Attribute redefined",
                        "The argument \"" + attribute.name() + "\" was already set at " + previous.nameRange()
                                + ". Each argument may be set only once.",
                        attribute.nameRange()));
                continue;
            }
            if (ignored.contains(attribute.name())) {
                continue;
            }
            if (!argumentNames.contains(attribute.name())) {
                unsupportedArgument(attribute, argumentNames, blockTypes, diagnostics);
                continue;
            }
            accepted.put(attribute.name(), attribute);
        }
        return accepted;
    }

    static void unsupportedArgument(Attribute attribute, Collection<String> argumentNames, Collection<String> blockTypes, Diagnostics diagnostics)
    {
        String detail = "An argument named \"" + attribute.name() + "\" is not expected here.";
        if (blockTypes.contains(attribute.name())) {
            detail += " Did you mean to define a block of type \"" + attribute.name() + "\"?";
        }
        else {
            detail += DidYouMean.sentence(attribute.name(), argumentNames);
        }
        diagnostics.add(Diagnostic.error("Unsupported argument", detail, attribute.nameRange()));
    }

    static void unsupportedBlock(Block block, Collection<String> blockTypes, Collection<String> argumentNames, Diagnostics diagnostics)
    {
        String detail = "Blocks of type \"" + block.type() + "\" are not expected here.";
        if (argumentNames.contains(block.type())) {
            detail += " Did you mean to define argument \"" + block.type() + "\"? If so, use the equals sign to assign it a value.";
        }
        else {
            detail += DidYouMean.sentence(block.type(), blockTypes);
        }
        diagnostics.add(Diagnostic.error("Unsupported block type", detail, block.typeRange()));
    }

    static void missingArgument(Block block, String name, Diagnostics diagnostics)
    {
        diagnostics.add(Diagnostic.error(
                "Missing required argument",
                "The argument \"" + name + "\" is required, but no definition was found.",
                block.headerRange()));
    }

    /** Reports nested blocks of types outside {@code blockTypes}; returns the accepted ones in order. */
    static List<Block> blocks(Body body, Collection<String> blockTypes, Collection<String> argumentNames, Diagnostics diagnostics)
    {
        return body.blocks().stream()
                .filter(block -> {
                    if (blockTypes.contains(block.type())) {
                        return true;
                    }
                    unsupportedBlock(block, blockTypes, argumentNames, diagnostics);
                    return false;
                })
                .toList();
    }
}
