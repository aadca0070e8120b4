package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Member;
import dev.kiln.providers.sim.SimCluster;
import dev.kiln.providers.sim.SimPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import dev.kiln.lang.config.model.KubernetesVersions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kiln sim set-version CLUSTER|POOL VERSION}: someone upgraded (or rolled back) a cluster, or one worker pool's nodes, by hand. */
@Command(name = "set-version", description = "Set the Kubernetes version a cluster and all its members run, or only a worker pool's nodes "
        + "(cluster.prod.pool[\"a\"]), as if someone changed it by hand.")
final class SimSetVersionCommand
        implements Callable<Integer>
{
    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimOptions options;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's resource address (cluster.prod) or name (prod), "
            + "or a worker pool's address (cluster.prod.pool[\"a\"]).")
    private String cluster;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The Kubernetes version, such as v1.30.4.")
    private String version;

    SimSetVersionCommand()
    {
        this.invocation = Optional.empty();
    }

    SimSetVersionCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    @Override
    public Integer call()
    {
        Datacenter datacenter = options.open(invocation, spec);
        if (KubernetesVersions.parse(version).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid version \"" + version + "\": write a Kubernetes version as v1.MINOR.PATCH, such as v1.30.4.");
        }
        Optional<SimPool> pool = datacenter.pool(cluster);
        if (pool.isPresent()) {
            for (Member member : datacenter.members(pool.get().cluster())) {
                if (member.group().equals(pool.get().name())) {
                    datacenter.put(member.withVersion(version));
                }
            }
            spec.commandLine().getOut().printf("The nodes of %s now run Kubernetes %s.%n", pool.get().owner(), version);
            spec.commandLine().getOut().flush();
            return 0;
        }
        SimCluster found = Targets.cluster(datacenter, cluster, spec);
        for (Member member : datacenter.members(found.owner())) {
            datacenter.put(member.withVersion(version));
        }
        datacenter.put(found.withVersion(version));
        spec.commandLine().getOut().printf("%s and its members now run Kubernetes %s.%n", found.owner(), version);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
