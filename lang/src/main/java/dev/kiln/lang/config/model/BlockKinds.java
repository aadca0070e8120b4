package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Blocks whose label picks a kind ({@code state "s3"}, {@code storage "nfs"},
 * {@code infrastructure "vsphere"}, {@code cni "calico"}) share one schema of every kind's
 * arguments; these checks hold each kind to its own arguments.
 */
final class BlockKinds
{
    private BlockKinds() {}

    /** The block's kind label when it is one of {@code kinds}; reports the label otherwise. */
    static Optional<String> kind(DecodedBlock block, String what, Collection<String> kinds, Diagnostics diagnostics)
    {
        if (block.labels().isEmpty()) {
            return Optional.empty();
        }
        String kind = block.labels().getFirst().value();
        if (kinds.contains(kind)) {
            return Optional.of(kind);
        }
        diagnostics.add(Diagnostic.error(
                "Unsupported " + what,
                "A " + block.type() + " block's label names its " + what + ": one of " + quoted(kinds) + ". \"" + kind + "\" is not one of them."
                        + DidYouMean.sentence(kind, kinds),
                block.labels().getFirst().range()));
        return Optional.empty();
    }

    /** Reports every written argument that {@code kind} does not take, saying which kinds take it. */
    static void rejectForeignArguments(DecodedBlock block, String kind, Map<String, Set<String>> argumentsByKind, Diagnostics diagnostics)
    {
        Set<String> allowed = argumentsByKind.get(kind);
        for (DecodedAttribute attribute : block.attributes().values()) {
            if (!attribute.written() || allowed.contains(attribute.name())) {
                continue;
            }
            Set<String> owners = new TreeSet<>();
            argumentsByKind.forEach((other, names) -> {
                if (names.contains(attribute.name())) {
                    owners.add(other);
                }
            });
            diagnostics.add(Diagnostic.error(
                    "Unsupported argument",
                    "An argument named \"" + attribute.name() + "\" is not expected in a " + block.type() + " \"" + kind + "\" block; "
                            + (owners.isEmpty() ? "" : "it applies to " + block.type() + " " + quoted(owners) + ". ")
                            + "Remove it, or change the block's label.",
                    attribute.range()));
        }
    }

    /** Reports each of {@code names} the block does not set. */
    static void requireArguments(BlockReader reader, String kind, List<String> names, Diagnostics diagnostics)
    {
        for (String name : names) {
            if (reader.block().attribute(name).isEmpty()) {
                diagnostics.add(Diagnostic.error(
                        "Missing required argument",
                        "The argument \"" + name + "\" is required in a " + reader.block().type() + " \"" + kind + "\" block. Add " + name + " = ... to it.",
                        reader.headerRange()));
            }
        }
    }

    static String quoted(Collection<String> names)
    {
        return String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
    }
}
