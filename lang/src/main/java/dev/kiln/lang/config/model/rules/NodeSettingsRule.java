package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Registry;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;

/** Node roles are ones Kiln knows, and SSH and registry ports are real port numbers. */
final class NodeSettingsRule
        implements ModelRule
{
    static final List<String> ROLES = List.of("control-plane", "worker", "etcd", "registry");
    private static final int MAXIMUM_PORT = 65535;

    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        for (Node node : model.nodes().values()) {
            for (String role : node.roles().known().orElse(List.of())) {
                if (!ROLES.contains(role)) {
                    diagnostics.add(Diagnostic.error(
                            "Unknown node role",
                            "\"" + node.roles().shown(role) + "\" is not a node role; roles are \"control-plane\", \"worker\", \"etcd\" and \"registry\"."
                                    + Suggestions.didYouMean(node.roles(), role, ROLES),
                            node.roles().range()));
                }
            }
            checkPort(node.ssh().port(), diagnostics);
            node.ssh().bastion().ifPresent(bastion -> checkPort(bastion.port(), diagnostics));
        }
        for (Registry registry : model.registries().values()) {
            registry.managed().ifPresent(managed -> checkPort(managed.port(), diagnostics));
        }
    }

    private static void checkPort(Setting<Integer> port, Diagnostics diagnostics)
    {
        port.known().filter(value -> value < 1 || value > MAXIMUM_PORT).ifPresent(value -> diagnostics.add(Diagnostic.error(
                "Invalid port",
                "The port " + port.shown(value) + " is not a TCP port; ports run from 1 to 65535.",
                port.range())));
    }
}
