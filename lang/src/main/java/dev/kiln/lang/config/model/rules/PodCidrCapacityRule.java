package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The pod network must have room for every node: Calico hands each node a block of the
 * pod network, a /26 for IPv4 and a /122 for IPv6, so a /16 holds 1024 nodes (KubeClipper's
 * arithmetic). Counts control-plane and worker nodes (or replicas) when all are known.
 */
final class PodCidrCapacityRule
        implements ClusterRule
{
    static final int IPV4_BLOCK_PREFIX = 26;
    static final int IPV6_BLOCK_PREFIX = 122;

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Optional<Integer> machines = cluster.knownMachineCount();
        Setting<List<String>> setting = cluster.network().podCidrs();
        if (machines.isEmpty() || setting.known().isEmpty()) {
            return;
        }
        for (String text : setting.known().get()) {
            Optional<Cidr> cidr = Cidr.parse(text);
            if (cidr.isPresent()) {
                check(cidr.get(), machines.get(), setting, diagnostics);
            }
        }
    }

    private static void check(Cidr cidr, int machines, Setting<List<String>> setting, Diagnostics diagnostics)
    {
        int blockPrefix = cidr.isIPv4() ? IPV4_BLOCK_PREFIX : IPV6_BLOCK_PREFIX;
        BigInteger capacity = capacity(cidr.prefixLength(), blockPrefix);
        if (capacity.compareTo(BigInteger.valueOf(machines)) >= 0) {
            return;
        }
        int needed = blockPrefix - ceilingLog2(machines);
        diagnostics.add(Diagnostic.error(
                "Pod network too small for the nodes",
                "The pod network " + setting.shown(cidr.text()) + " gives each node a /" + blockPrefix + ", which leaves room for " + capacity + " node"
                        + (capacity.equals(BigInteger.ONE) ? "" : "s") + ", but the cluster has " + machines
                        + ". Use a pod network of /" + needed + " or wider.",
                setting.range()));
    }

    static BigInteger capacity(int prefixLength, int blockPrefix)
    {
        return prefixLength > blockPrefix ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(blockPrefix - prefixLength);
    }

    private static int ceilingLog2(int value)
    {
        return value <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(value - 1);
    }
}
