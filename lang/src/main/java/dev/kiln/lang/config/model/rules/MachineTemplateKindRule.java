package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The objects a generic infrastructure names: its own {@code api_version} and {@code kind},
 * and a machine block's, which name the machine template and come as a pair. Presets render
 * their own machine templates, so they take neither. A kind is written as Kubernetes writes
 * kinds (UpperCamelCase); an API version is {@code group/version} or a core {@code version}.
 */
final class MachineTemplateKindRule
        implements ClusterRule
{
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
    private static final Pattern API_VERSION = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+((alpha|beta)[0-9]+)?");
    private static final String TEMPLATE_SUFFIX = "Template";

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Optional<Infrastructure> infrastructure = cluster.infrastructure();
        boolean generic = infrastructure.map(block -> block.kind().equals("generic")).orElse(false);
        infrastructure.filter(block -> generic).ifPresent(block -> {
            block.argument("api_version").ifPresent(setting -> apiVersion(setting, diagnostics));
            block.argument("kind").ifPresent(setting -> kind(setting, diagnostics));
        });
        cluster.controlPlane().machine().ifPresent(machine -> check(machine, infrastructure, generic, diagnostics));
        cluster.workerPools().forEach(pool -> pool.machine().ifPresent(machine -> check(machine, infrastructure, generic, diagnostics)));
    }

    private static void check(Cluster.Machine machine, Optional<Infrastructure> infrastructure, boolean generic, Diagnostics diagnostics)
    {
        if (machine.apiVersion().isEmpty() && machine.kind().isEmpty()) {
            return;
        }
        if (!generic && infrastructure.isPresent()) {
            Setting<String> first = machine.apiVersion().or(machine::kind).orElseThrow();
            diagnostics.add(Diagnostic.error(
                    "Machine template kind of a preset infrastructure",
                    "api_version and kind name the machine template of infrastructure \"generic\"; infrastructure \"" + infrastructure.get().kind()
                            + "\" renders its own machine templates. Remove api_version and kind, or describe the provider with infrastructure \"generic\".",
                    first.range()));
            return;
        }
        if (machine.apiVersion().isEmpty() || machine.kind().isEmpty()) {
            Setting<String> given = machine.apiVersion().or(machine::kind).orElseThrow();
            String missing = machine.apiVersion().isEmpty() ? "api_version" : "kind";
            diagnostics.add(Diagnostic.error(
                    "Incomplete machine template kind",
                    "A machine block names its template with both api_version and kind, or with neither (then the template is the infrastructure's "
                            + "kind with Cluster replaced by MachineTemplate, in the infrastructure's api_version). Add " + missing
                            + " = ..., or remove the other.",
                    given.range()));
            return;
        }
        apiVersion(machine.apiVersion().get(), diagnostics);
        Setting<String> kind = machine.kind().get();
        if (kind(kind, diagnostics)) {
            kind.known().filter(name -> !name.endsWith(TEMPLATE_SUFFIX)).ifPresent(name -> diagnostics.add(Diagnostic.warning(
                    "Machine template kind without Template",
                    "Cluster API clones machines from a machine template, whose kind ends in Template by convention (\"Metal3MachineTemplate\"); \""
                            + kind.shown(name) + "\" does not. Check that it names the template kind, not the machine kind.",
                    kind.range())));
        }
    }

    private static boolean kind(Setting<String> kind, Diagnostics diagnostics)
    {
        Optional<String> invalid = kind.known().filter(name -> !KIND.matcher(name).matches());
        invalid.ifPresent(name -> diagnostics.add(Diagnostic.error(
                "Invalid Kubernetes kind",
                "\"" + kind.shown(name) + "\" is not a Kubernetes kind. A kind is one word in UpperCamelCase, letters and digits only, "
                        + "starting with a capital letter, such as \"Metal3MachineTemplate\".",
                kind.range())));
        return invalid.isEmpty();
    }

    private static void apiVersion(Setting<String> apiVersion, Diagnostics diagnostics)
    {
        apiVersion.known().filter(version -> !API_VERSION.matcher(version).matches()).ifPresent(version -> diagnostics.add(Diagnostic.error(
                "Invalid API version",
                "\"" + apiVersion.shown(version) + "\" is not a Kubernetes API version. Write GROUP/VERSION, such as "
                        + "\"infrastructure.cluster.x-k8s.io/v1beta1\": a DNS group name, a slash, and v1, v1beta2 or v2alpha1.",
                apiVersion.range())));
    }
}
