package dev.kiln.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Recorded JSON values written as HCL, the way Terraform shows outputs and state: strings quoted, objects one entry a line. */
public final class JsonValueText
{
    public static final String SENSITIVE = "(sensitive value)";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private JsonValueText() {}

    public static String render(JsonNode value)
    {
        StringBuilder text = new StringBuilder();
        append(text, value, "");
        return text.toString();
    }

    /** A key as HCL writes it: bare when it is an identifier, quoted otherwise. */
    public static String key(String name)
    {
        return IDENTIFIER.matcher(name).matches() ? name : quote(name);
    }

    public static String quote(String text)
    {
        try {
            return MAPPER.writeValueAsString(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder text, JsonNode value, String indent)
    {
        if (value.isTextual()) {
            text.append(quote(value.textValue()));
        }
        else if (value.isObject()) {
            if (value.isEmpty()) {
                text.append("{}");
                return;
            }
            text.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append(indent).append("  ").append(quote(field.getKey())).append(" = ");
                append(text, field.getValue(), indent + "  ");
                text.append('\n');
            }
            text.append(indent).append('}');
        }
        else if (value.isArray()) {
            if (value.isEmpty()) {
                text.append("[]");
                return;
            }
            text.append("[\n");
            for (JsonNode element : value) {
                text.append(indent).append("  ");
                append(text, element, indent + "  ");
                text.append(",\n");
            }
            text.append(indent).append(']');
        }
        else {
            text.append(value.toString());
        }
    }
}
