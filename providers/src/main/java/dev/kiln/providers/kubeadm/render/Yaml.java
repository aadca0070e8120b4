package dev.kiln.providers.kubeadm.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** YAML scalars and flow lists written safely: every string double-quoted with JSON escapes. */
final class Yaml
{
    private Yaml() {}

    static String quote(String text)
    {
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    }
                    else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String list(List<String> items)
    {
        return items.stream().map(Yaml::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code entries} as indented {@code key: "value"} lines, or {@code {}} on the key's line when empty. */
    static String mapping(Map<String, String> entries, String indent)
    {
        if (entries.isEmpty()) {
            return " {}\n";
        }
        return "\n" + entries.entrySet().stream()
                .map(entry -> indent + quote(entry.getKey()) + ": " + quote(entry.getValue()) + "\n")
                .collect(Collectors.joining());
    }
}
