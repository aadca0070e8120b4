package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kiln.lang.config.model.Setting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Values that carry a mark while a manifest is built: sensitive (a real value that must
 * never be shown) or unknown (only known after apply, written as
 * {@value RenderedObject#UNKNOWN_TEXT}). They are plain JSON nodes of their own classes, so
 * builders put them anywhere; {@link RenderedObject#of} finds them, records their paths and
 * replaces them by plain nodes.
 */
final class MarkedValues
{
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private MarkedValues() {}

    /** A marked node. */
    sealed interface Marked
            permits MarkedText, SensitiveNumber, SensitiveBoolean
    {
        boolean sensitive();

        JsonNode plain();
    }

    static final class MarkedText
            extends TextNode
            implements Marked
    {
        private final boolean sensitive;

        MarkedText(String value, boolean sensitive)
        {
            super(value);
            this.sensitive = sensitive;
        }

        @Override
        public boolean sensitive()
        {
            return sensitive;
        }

        @Override
        public JsonNode plain()
        {
            return NODES.textNode(textValue());
        }
    }

    static final class SensitiveNumber
            extends DecimalNode
            implements Marked
    {
        SensitiveNumber(BigDecimal value)
        {
            super(value);
        }

        @Override
        public boolean sensitive()
        {
            return true;
        }

        @Override
        public JsonNode plain()
        {
            return NODES.numberNode(decimalValue());
        }
    }

    static final class SensitiveBoolean
            extends BooleanNode
            implements Marked
    {
        SensitiveBoolean(boolean value)
        {
            super(value);
        }

        @Override
        public boolean sensitive()
        {
            return true;
        }

        @Override
        public JsonNode plain()
        {
            return NODES.booleanNode(booleanValue());
        }
    }

    static JsonNode unknown()
    {
        return new MarkedText(RenderedObject.UNKNOWN_TEXT, false);
    }

    static JsonNode sensitiveText(String value)
    {
        return new MarkedText(value, true);
    }

    /** A string setting: its value (marked sensitive when the setting is), or the unknown mark. */
    static JsonNode text(Setting<String> setting)
    {
        return switch (setting) {
            case Setting.Known<String> known -> known.sensitive() ? sensitiveText(known.value()) : NODES.textNode(known.value());
            case Setting.Unknown<String> ignored -> unknown();
        };
    }

    /** A number setting as an integer, or the unknown mark. */
    static JsonNode integer(Setting<Integer> setting)
    {
        return switch (setting) {
            case Setting.Known<Integer> known -> known.sensitive() ? new SensitiveNumber(BigDecimal.valueOf(known.value())) : NODES.numberNode(known.value());
            case Setting.Unknown<Integer> ignored -> unknown();
        };
    }

    /** A bool setting, or the unknown mark. */
    static JsonNode bool(Setting<Boolean> setting)
    {
        return switch (setting) {
            case Setting.Known<Boolean> known -> known.sensitive() ? new SensitiveBoolean(known.value()) : NODES.booleanNode(known.value());
            case Setting.Unknown<Boolean> ignored -> unknown();
        };
    }

    /** A list of strings, each element as {@link #text} would give it. */
    static JsonNode texts(Setting<List<String>> setting)
    {
        return switch (setting) {
            case Setting.Known<List<String>> known -> {
                ArrayNode array = NODES.arrayNode();
                known.value().forEach(value -> array.add(known.sensitive() ? sensitiveText(value) : NODES.textNode(value)));
                yield array;
            }
            case Setting.Unknown<List<String>> ignored -> unknown();
        };
    }

    /** Replaces every marked node under {@code node} by its plain form, collecting the JSON pointers of each kind. */
    static void unmark(JsonNode node, String path, Set<String> sensitive, Set<String> unknown)
    {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "/" + escape(name);
                JsonNode value = object.get(name);
                if (value instanceof Marked marked) {
                    (marked.sensitive() ? sensitive : unknown).add(child);
                    object.set(name, marked.plain());
                }
                else {
                    unmark(value, child, sensitive, unknown);
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                String child = path + "/" + index;
                JsonNode value = array.get(index);
                if (value instanceof Marked marked) {
                    (marked.sensitive() ? sensitive : unknown).add(child);
                    array.set(index, marked.plain());
                }
                else {
                    unmark(value, child, sensitive, unknown);
                }
            }
        }
    }

    /** Sets the value at {@code path} (a JSON pointer into {@code root}) to {@code text}. */
    static void replace(ObjectNode root, String path, String text)
    {
        JsonPointer pointer = JsonPointer.compile(path);
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.put(last, text);
        }
        else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), NODES.textNode(text));
        }
    }


    private static String escape(String name)
    {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
