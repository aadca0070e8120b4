package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.render.RegistryConfig;
import dev.kiln.providers.kubeadm.spec.RegistrySpec;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;
import dev.kiln.providers.kubeadm.steps.StepRunner;

import java.util.Optional;
import java.util.Set;

/**
 * Registries: an existing one is only recorded (its address computed from the endpoint); a
 * managed one is installed on its node as a service ({@link RegistryInstall}: Debian's
 * {@code docker-registry}, or the bundle's binary) with its configuration and storage directory,
 * done when the files are the rendered ones, systemd reports it active and it answers on
 * {@code /v2/}. Nodes trust it through the runtime
 * configuration their cluster writes. Deleting a managed registry stops it and removes its
 * configuration and its storage directory's contents (the directory too, unless it is a mount
 * point), checked afterwards.
 */
final class RegistryDriver
        implements Driver
{
    private final Environment environment;

    RegistryDriver(Environment environment)
    {
        this.environment = environment;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP, REPLACE -> {
                Value planned = change.after().orElseThrow();
                RegistrySpec registry = RegistrySpec.of(planned, environment.names())
                        .orElseThrow(() -> new IllegalArgumentException("the address of " + change.address() + " is not known"));
                if (change.action() == Action.REPLACE) {
                    change.before().flatMap(before -> RegistrySpec.of(before, environment.names())).ifPresent(previous -> remove(previous, context));
                }
                Value value = Values.with(planned, "address", Value.string(registry.address()));
                if (registry.managed().isPresent()) {
                    Remote host = environment.connector().open(registry.managed().get().node(), context);
                    StepRunner.run(host, new RegistryInstall(registry.managed().get(), environment.registryBundle(change.address())), context);
                    Facts facts = Facts.gather(host);
                    Value managedBlock = Values.attribute(value, "managed").orElseThrow();
                    Value node = Values.attribute(managedBlock, "node").orElseThrow();
                    value = Values.with(value, "managed", Values.with(managedBlock, "node", Filling.secretsMarked(Filling.node(node, facts, Optional.empty()))));
                }
                yield ApplyResponse.of(Filling.unknownsToNull(value));
            }
            case DELETE -> {
                change.before().flatMap(before -> RegistrySpec.of(before, environment.names())).ifPresent(previous -> remove(previous, context));
                yield ApplyResponse.deleted();
            }
        };
    }

    @Override
    public Set<Bound> bounds(ResourceChange change)
    {
        return change.after().or(change::before)
                .flatMap(value -> Values.attribute(value, "managed"))
                .flatMap(managed -> Values.attribute(managed, "node"))
                .flatMap(node -> Values.string(node, "address"))
                .map(address -> Set.of(environment.hostBound(address)))
                .orElse(Set.of());
    }

    private void remove(RegistrySpec registry, ActionContext context)
    {
        Optional<RegistrySpec.Managed> managed = registry.managed();
        if (managed.isEmpty()) {
            return;
        }
        Remote host = environment.connector().open(managed.get().node(), context);
        String step = "remove the managed registry";
        context.progress(host.host() + ": " + step);
        String storage = Shell.quote(managed.get().storageDirectory());
        host.output(step, "systemctl disable --now " + RegistryInstall.SERVICE + " >/dev/null 2>&1 || true; rm -f " + RegistryConfig.PATH + "; "
                + "if grep -q '^# Written by Kiln' " + RegistryInstall.BUNDLE_UNIT + " 2>/dev/null; then rm -f " + RegistryInstall.BUNDLE_UNIT + " " + RegistryInstall.BUNDLE_BINARY + "; fi; "
                + "if [ -d " + storage + " ]; then find " + storage + " -mindepth 1 -maxdepth 1 -exec rm -rf {} +; rmdir " + storage + " 2>/dev/null; fi; exit 0");
        if (host.run(step, "systemctl is-active " + RegistryInstall.SERVICE).output().trim().equals("active") || host.run(step, "test -e " + RegistryConfig.PATH).succeeded()) {
            throw new StepFailedException(host.host(), step, RegistryInstall.SERVICE + " still runs or its configuration is still there");
        }
    }
}
