package dev.kiln.cli.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.Parser;

import static java.util.Objects.requireNonNull;

/**
 * The header of the top-level block a source range lies in, such as {@code node "control"},
 * shown as Terraform does ("on main.kiln.hcl line 5, in node "control":" and the JSON
 * snippet's {@code context}). Each file is parsed at most once per instance.
 */
final class BlockHeaders
{
    private final Map<String, String> sources;
    private final Map<String, List<Block>> blocksByFile = new HashMap<>();

    BlockHeaders(Map<String, String> sources)
    {
        this.sources = requireNonNull(sources, "sources is null");
    }

    Optional<String> enclosing(SourceRange range)
    {
        String source = sources.get(range.filename());
        if (source == null) {
            return Optional.empty();
        }
        List<Block> blocks = blocksByFile.computeIfAbsent(range.filename(), filename -> Parser.parse(filename, source).file().body().blocks());
        int offset = range.start().byteOffset();
        return blocks.stream()
                .filter(block -> block.range().start().byteOffset() <= offset && offset < block.range().end().byteOffset())
                .findFirst()
                .map(BlockHeaders::header);
    }

    private static String header(Block block)
    {
        StringBuilder header = new StringBuilder(block.type());
        for (Block.Label label : block.labels()) {
            header.append(" \"").append(label.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return header.toString();
    }
}
