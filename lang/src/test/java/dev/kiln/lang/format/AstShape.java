package dev.kiln.lang.format;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.syntax.Parser.ParseResult;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A structural rendering of a parsed file that ignores source ranges: two sources with the
 * same shape mean the same thing, however they are laid out. Walks the AST's records by
 * reflection so a new node type is covered without changes here.
 */
final class AstShape
{
    private AstShape() {}

    static String of(String filename, String source)
    {
        ParseResult parsed = Parser.parse(filename, source);
        assertFalse(parsed.hasErrors(), () -> "does not parse: " + parsed.diagnostics());
        StringBuilder shape = new StringBuilder();
        render(parsed.file().body(), shape, 0);
        return shape.toString();
    }

    private static void render(Object node, StringBuilder shape, int depth)
    {
        switch (node) {
            case null -> shape.append("null");
            case Record record -> renderRecord(record, shape, depth);
            case Collection<?> elements -> {
                shape.append('[');
                for (Object element : elements) {
                    newline(shape, depth + 1);
                    render(element, shape, depth + 1);
                }
                shape.append(']');
            }
            case Map<?, ?> entries -> {
                shape.append('{');
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    newline(shape, depth + 1);
                    shape.append(entry.getKey()).append(": ");
                    render(entry.getValue(), shape, depth + 1);
                }
                shape.append('}');
            }
            case Optional<?> optional -> {
                if (optional.isPresent()) {
                    render(optional.get(), shape, depth);
                }
                else {
                    shape.append("absent");
                }
            }
            case String text -> shape.append('"').append(text.replace("\n", "\\n").replace("\r", "\\r")).append('"');
            default -> shape.append(node);
        }
    }

    private static void renderRecord(Record record, StringBuilder shape, int depth)
    {
        shape.append(record.getClass().getSimpleName()).append('(');
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() == SourceRange.class) {
                continue;
            }
            newline(shape, depth + 1);
            shape.append(component.getName()).append('=');
            render(valueOf(record, component), shape, depth + 1);
        }
        shape.append(')');
    }

    private static Object valueOf(Record record, RecordComponent component)
    {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        }
        catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static void newline(StringBuilder shape, int depth)
    {
        shape.append('\n').repeat("  ", depth);
    }
}
