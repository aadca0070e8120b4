package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels and annotations have Kubernetes keys (an optional DNS-subdomain prefix and a name
 * of up to 63 characters); label values are empty or up to 63 letters, digits, '-', '_', '.'.
 */
final class LabelRule
        implements ModelRule
{
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAXIMUM_PREFIX_LENGTH = 253;

    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        for (Node node : model.nodes().values()) {
            check("label", node.labels(), true, diagnostics);
        }
        for (Cluster cluster : model.clusters().values()) {
            check("label", cluster.labels(), true, diagnostics);
            check("annotation", cluster.annotations(), false, diagnostics);
            check("label", cluster.controlPlane().labels(), true, diagnostics);
            cluster.workerPools().forEach(pool -> check("label", pool.labels(), true, diagnostics));
        }
    }

    private static void check(String what, Setting<Map<String, String>> setting, boolean checkValues, Diagnostics diagnostics)
    {
        for (Map.Entry<String, String> entry : setting.known().orElse(Map.of()).entrySet()) {
            if (!isQualifiedName(entry.getKey())) {
                diagnostics.add(Diagnostic.error(
                        "Invalid " + what + " key",
                        "\"" + setting.shown(entry.getKey()) + "\" is not a Kubernetes " + what + " key: an optional DNS prefix and '/' (\"example.com/\"), then a name of "
                                + "up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
                        setting.range()));
            }
            else if (checkValues && !entry.getValue().isEmpty() && !NAME.matcher(entry.getValue()).matches()) {
                diagnostics.add(Diagnostic.error(
                        "Invalid label value",
                        "The value of the label \"" + setting.shown(entry.getKey()) + "\" is not a Kubernetes label value: empty, or up to 63 letters, digits, '-', '_' "
                                + "or '.', starting and ending with a letter or digit.",
                        setting.range()));
            }
        }
    }

    static boolean isQualifiedName(String key)
    {
        int slash = key.lastIndexOf('/');
        if (slash < 0) {
            return NAME.matcher(key).matches();
        }
        String prefix = key.substring(0, slash);
        return prefix.length() <= MAXIMUM_PREFIX_LENGTH && PREFIX.matcher(prefix).matches() && NAME.matcher(key.substring(slash + 1)).matches();
    }
}
