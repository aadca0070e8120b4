package dev.kiln.providers.kubeadm.refresh;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.kubeadm.apply.Environment;
import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.SshSpec;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the real hosts behind recorded kubeadm instances over SSH: a node's facts; a
 * cluster's API server version, Nodes and etcd members ({@link ClusterReading}); a pool's
 * workers. What changed by hand — a node gone NotReady or missing, a version changed, an etcd
 * member missing — shows in the observed value and in warnings. A host that does not answer
 * leaves the instance as recorded, with a warning.
 */
public final class KubeadmRefresher
        implements Refresher
{
    static final String STEP = "refresh";
    private static final ActionContext CONTEXT = new ActionContext()
    {
        private final CancellationToken token = new CancellationToken();

        @Override
        public CancellationToken cancellation()
        {
            return token;
        }

        @Override
        public void progress(String message)
        {
        }
    };

    private final Environment environment;

    public KubeadmRefresher(Environment environment)
    {
        this.environment = environment;
    }

    @Override
    public RefreshResponse read(RefreshRequest request)
    {
        try {
            return switch (request.type().name()) {
                case "node" -> node(request);
                case "cluster" -> new ClusterReading(environment, CONTEXT).cluster(request);
                case "worker_pool" -> new ClusterReading(environment, CONTEXT).pool(request);
                default -> RefreshResponse.observed(request.prior());
            };
        }
        catch (RuntimeException e) {
            return new RefreshResponse(Optional.of(request.prior()), List.of(warning("Could not read the hosts",
                    request.address() + " could not be read over SSH, so the plan uses what the state recorded: " + e.getMessage())));
        }
    }

    private RefreshResponse node(RefreshRequest request)
    {
        Value prior = request.prior();
        Optional<String> address = Values.string(prior, "address");
        if (address.isEmpty()) {
            return RefreshResponse.observed(prior);
        }
        NodeSpec node = new NodeSpec(address.get(), environment.names().name(request.address(), prior), SshSpec.of(prior), new TreeMap<>(), List.of(), Optional.empty());
        Remote host = environment.connector().open(node, CONTEXT);
        Facts facts = Facts.gather(host);
        Optional<String> recorded = SshSpec.of(prior).recordedHostKey();
        Value observed = Values.with(prior, Map.of(
                "hostname", Value.string(facts.hostname()),
                "os", Value.string(facts.os()),
                "architecture", Value.string(facts.architecture())));
        TreeMap<String, Value> factValues = new TreeMap<>();
        facts.attribute().forEach((key, text) -> factValues.put(key, Value.string(text)));
        recorded.ifPresent(key -> factValues.put("host_key", Value.string(key)));
        return RefreshResponse.observed(Values.with(observed, "facts", Value.map(Type.STRING, factValues)));
    }

    static Diagnostic warning(String summary, String detail)
    {
        return new Diagnostic(Severity.WARNING, summary, detail, Optional.empty(), Optional.empty());
    }
}
