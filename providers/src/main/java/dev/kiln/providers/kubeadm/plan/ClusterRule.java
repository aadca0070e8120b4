package dev.kiln.providers.kubeadm.plan;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.ClusterSpecs;
import dev.kiln.providers.kubeadm.spec.NodeNames;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.version.Bundle;
import dev.kiln.providers.kubeadm.version.Releases;
import dev.kiln.state.AttributePath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans a kubeadm cluster: at least one control plane and an odd number with stacked etcd;
 * upgrades only upward, through every minor release in between (each at the newest patch the
 * offline bundle holds, else the newest Kiln knows), every release on the way present in the
 * bundle; a control-plane endpoint fixed once the cluster exists. The steps say what each
 * change does on which hosts, in order.
 */
public final class ClusterRule
        implements DiffRule
{
    private static final AttributePath VERSION = AttributePath.attribute("kubernetes_version");
    private static final AttributePath CONTROL_PLANE = AttributePath.attribute("control_plane");

    private final Path workingDirectory;
    private final NodeNames names;

    public ClusterRule(Path workingDirectory, NodeNames names)
    {
        this.workingDirectory = workingDirectory;
        this.names = names;
    }

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        try {
            return plan(request);
        }
        catch (IllegalArgumentException e) {
            return new DiffResponse.Forbidden(e.getMessage(), Optional.of(VERSION), List.of());
        }
    }

    private DiffResponse plan(DiffRequest request)
    {
        String name = request.address().name();
        Optional<ClusterSpec> prior = request.prior().flatMap(value -> spec(name, value));
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(prior.map(ClusterSteps::delete).orElse(List.of("reset every node of the cluster")), List.of());
        }
        Value desiredValue = request.desired().get();
        Optional<ClusterSpec> desired = spec(name, desiredValue);
        Optional<DiffResponse.Forbidden> forbidden = forbidden(desiredValue, request.prior(), desired);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        List<String> offered = offered(desired);
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        return switch (response) {
                case DiffResponse.NoOp noOp -> noOp;
                case DiffResponse.Forbidden refused -> refused;
                case DiffResponse.Delete delete -> delete;
                case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), ClusterSteps.create(desired, offered), create.diagnostics());
                case DiffResponse.Replace replace -> {
                    List<String> steps = new ArrayList<>(prior.map(ClusterSteps::delete).orElse(List.of()));
                    steps.addAll(ClusterSteps.create(desired, offered));
                    yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
                }
                case DiffResponse.Update update -> {
                    Value planned = Values.with(update.planned(), "status", Value.unknown(Type.STRING));
                    if (!Values.string(desiredValue, "kubernetes_version").equals(request.prior().flatMap(value -> Values.string(value, "kubernetes_version")))) {
                        planned = Values.with(planned, "current_version", Value.unknown(Type.STRING));
                    }
                    yield new DiffResponse.Update(planned, ClusterSteps.update(prior, desired, offered), update.diagnostics());
                }
            };
    }

    private Optional<DiffResponse.Forbidden> forbidden(Value desired, Optional<Value> prior, Optional<ClusterSpec> spec)
    {
        Optional<Value> controlPlane = Values.attribute(desired, "control_plane");
        Optional<Integer> size = controlPlane.flatMap(block -> Values.sequence(block, "nodes")).map(List::size);
        boolean stacked = !Values.attribute(desired, "etcd").flatMap(etcd -> Values.string(etcd, "type")).orElse("stacked").equals("external");
        if (size.isPresent() && size.get() < 1) {
            return Optional.of(refuse(prior.isPresent() ? "the control plane can't shrink below 1 node" : "a cluster needs at least 1 control-plane node", CONTROL_PLANE));
        }
        if (size.isPresent() && size.get() % 2 == 0 && stacked) {
            return Optional.of(refuse("the control plane needs an odd number of nodes with stacked etcd, not " + size.get()
                    + ": an even count tolerates no more failures than one node fewer", CONTROL_PLANE));
        }
        Optional<String> version = Values.string(desired, "kubernetes_version");
        Optional<String> before = prior.flatMap(value -> Values.string(value, "kubernetes_version"));
        if (version.isPresent() && before.isPresent() && Releases.isDowngrade(before.get(), version.get())) {
            return Optional.of(refuse("downgrades are not supported: the cluster runs " + before.get() + " and cannot go back to " + version.get(), VERSION));
        }
        Optional<String> endpoint = controlPlane.flatMap(block -> Values.string(block, "endpoint"));
        Optional<String> endpointBefore = prior.flatMap(value -> Values.attribute(value, "control_plane")).flatMap(block -> Values.string(block, "endpoint"));
        if (prior.isPresent() && controlPlane.flatMap(block -> Values.attribute(block, "endpoint")).map(Value::isKnown).orElse(true)
                && !endpoint.equals(endpointBefore)) {
            return Optional.of(refuse("the control-plane endpoint is in every certificate and kubeconfig kubeadm made; it can't change from "
                    + endpointBefore.orElse("the first control plane") + " to " + endpoint.orElse("the first control plane")
                    + " in place. Replace the cluster (kiln apply -replace) to change it", CONTROL_PLANE));
        }
        if (spec.isPresent() && version.isPresent()) {
            List<String> offered = offered(spec);
            if (spec.get().install().offline() && !offered.contains(version.get())) {
                return Optional.of(refuse("the offline bundle holds no Kubernetes " + version.get() + " (it has " + (offered.isEmpty() ? "none" : String.join(", ", offered))
                        + "): add kubernetes/" + version.get() + "/ to the bundle or pick one of those", VERSION));
            }
        }
        return Optional.empty();
    }

    /** The releases the cluster's bundle holds; empty (Kiln's own table applies) without a bundle. */
    private List<String> offered(Optional<ClusterSpec> spec)
    {
        if (spec.isEmpty() || !spec.get().install().offline() || spec.get().install().bundle().isEmpty()) {
            return List.of();
        }
        try {
            return Bundle.open(spec.get().install().bundle().get(), workingDirectory).releases();
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("the offline bundle " + spec.get().install().bundle().get() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<ClusterSpec> spec(String name, Value value)
    {
        try {
            return Optional.of(ClusterSpecs.of(name, value, names));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DiffResponse.Forbidden refuse(String reason, AttributePath attribute)
    {
        return new DiffResponse.Forbidden(reason, Optional.of(attribute), List.of());
    }
}
