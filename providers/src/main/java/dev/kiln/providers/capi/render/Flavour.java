package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;

import java.util.List;
import java.util.Optional;

/**
 * One infrastructure provider's objects: its infrastructure cluster, the machine
 * templates of the control plane and worker pools, and the Secrets they read. Each kind of
 * {@code infrastructure "KIND"} block has one; the block's {@code spec} and each machine's
 * {@code spec} are merged over what the flavour renders.
 */
sealed interface Flavour
        permits DockerFlavour, VsphereFlavour, OpenstackFlavour, AwsFlavour, ByohFlavour, GenericFlavour
{
    /** The infrastructure objects' apiVersion. */
    String apiVersion(RenderContext context);

    String clusterKind();

    String machineTemplateKind();

    /** The apiVersion of a machine template for {@code machine}; the infrastructure's unless the flavour lets a machine name its own. */
    default String machineTemplateApiVersion(RenderContext context, Optional<Cluster.Machine> machine)
    {
        return apiVersion(context);
    }

    /** The kind of a machine template for {@code machine}; {@link #machineTemplateKind()} unless the flavour lets a machine name its own. */
    default String machineTemplateKind(Optional<Cluster.Machine> machine)
    {
        return machineTemplateKind();
    }

    /** The infrastructure cluster's spec before the block's {@code spec} is merged over it. */
    ObjectNode clusterSpec(RenderContext context);

    /** A machine template's {@code spec.template.spec} before the machine's {@code spec} is merged over it. */
    ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane);

    /** Secrets the infrastructure cluster reads, as whole manifests. */
    default List<ObjectNode> secrets(RenderContext context)
    {
        return List.of();
    }

    /** The flavour of {@code cluster}'s infrastructure block, which must be present. */
    static Flavour of(Cluster cluster)
    {
        Infrastructure infrastructure = cluster.infrastructure()
                .orElseThrow(() -> new IllegalArgumentException(cluster.address() + " has no infrastructure block"));
        return switch (infrastructure.kind()) {
            case "docker" -> new DockerFlavour();
            case "vsphere" -> new VsphereFlavour(infrastructure);
            case "openstack" -> new OpenstackFlavour(infrastructure);
            case "aws" -> new AwsFlavour(infrastructure, cluster.hasManagedControlPlane());
            case "byoh" -> new ByohFlavour();
            case "generic" -> new GenericFlavour(infrastructure);
            default -> throw new IllegalArgumentException("unknown infrastructure kind: " + infrastructure.kind());
        };
    }
}
