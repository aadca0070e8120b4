package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;

import java.util.Optional;

/**
 * Infrastructure machine templates and bootstrap config templates. Both are immutable in
 * Cluster API, so their name is {@code <cluster>-<role>-<hash of the content>}: a changed
 * template is a new object, and the control plane or MachineDeployment that points at it
 * rolls its machines.
 */
final class MachineTemplates
{
    private MachineTemplates() {}

    /** The machine template of the control plane ({@code role} "control-plane") or of a pool ({@code role} the pool's name). */
    static RenderedObject machine(RenderContext context, Flavour flavour, String role, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        ObjectNode templateSpec = flavour.machineSpec(context, machine, controlPlane);
        machine.ifPresent(block -> SpecValues.merge(templateSpec, SpecValues.object(block.spec())));
        ObjectNode spec = MarkedValues.NODES.objectNode();
        spec.putObject("template").set("spec", templateSpec);
        return template(context, controlPlane ? ObjectRole.CONTROL_PLANE_MACHINE_TEMPLATE : ObjectRole.MACHINE_TEMPLATE,
                flavour.machineTemplateApiVersion(context, machine), flavour.machineTemplateKind(machine), role, spec);
    }

    /** A template object named {@code <cluster>-<role>-<hash>}, the hash over its kind and spec. */
    static RenderedObject template(RenderContext context, ObjectRole objectRole, String apiVersion, String kind, String role, ObjectNode spec)
    {
        ObjectNode content = MarkedValues.NODES.objectNode();
        content.put("apiVersion", apiVersion);
        content.put("kind", kind);
        content.set("spec", spec);
        String name = ObjectNames.template(context.name(role), content);
        ObjectNode manifest = context.manifest(apiVersion, kind, name);
        manifest.set("spec", spec);
        return RenderedObject.of(objectRole, manifest);
    }
}
