package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Every domain rule of the typed configuration, run in a fixed order so output is deterministic. */
public final class ModelRules
{
    private static final List<ModelRule> RULES = List.of(
            new KilnSettingsRule(),
            new ProviderSettingsRule(),
            new NodeIdentityRule(),
            new NodeSettingsRule(),
            new LabelRule(),
            new TaintRule(),
            new NodeAssignmentRule(),
            new GroupSizeRule(),
            new ProviderFitRule(),
            new ControlPlaneQuorumRule(),
            new ControlPlaneEndpointRule(),
            new KubernetesVersionRule(),
            new UpgradePathRule(),
            new RuntimeRule(),
            new NetworkRule(),
            new NetworkOverlapRule(),
            new PodCidrCapacityRule(),
            new CalicoRule(),
            new StorageClassRule(),
            new BackupRule(),
            new ClusterChoicesRule(),
            new MachineTemplateKindRule(),
            new UserRule(),
            new NamingPolicyRule());

    private ModelRules() {}

    public static void check(Model model, Diagnostics diagnostics)
    {
        requireNonNull(model, "model is null");
        requireNonNull(diagnostics, "diagnostics is null");
        for (ModelRule rule : RULES) {
            rule.check(model, diagnostics);
        }
    }
}
