package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every node has its own Kubernetes node name and its own address: two nodes with one name
 * would overwrite each other's Node object, two with one address are one machine. The
 * later one in the source is reported.
 */
final class NodeIdentityRule
        implements ModelRule
{
    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        checkUnique(model, Node::nodeName, "Duplicate node name", "the Kubernetes node name", "Set node_name on one of them.", diagnostics);
        checkUnique(model, Node::hostAddress, "Duplicate node address", "the address", "Each node block must describe its own machine.", diagnostics);
    }

    private static void checkUnique(Model model, Function<Node, Setting<String>> field, String summary, String what, String fix, Diagnostics diagnostics)
    {
        Map<String, ResourceAddress> seen = new HashMap<>();
        List<Node> inSourceOrder = model.nodes().values().stream()
                .sorted(Comparator.comparing((Node node) -> field.apply(node).range()).thenComparing(Node::address))
                .toList();
        for (Node node : inSourceOrder) {
            Setting<String> setting = field.apply(node);
            setting.known().filter(value -> !value.isEmpty()).ifPresent(value -> {
                ResourceAddress first = seen.putIfAbsent(value, node.address());
                if (first != null) {
                    diagnostics.add(Diagnostic.error(
                            summary,
                            node.address() + " has " + what + " \"" + setting.shown(value) + "\", which " + first + " already has. " + fix,
                            setting.range()));
                }
            });
        }
    }
}
