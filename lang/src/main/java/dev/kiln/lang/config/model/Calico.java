package dev.kiln.lang.config.model;

import java.util.List;

/** What Calico accepts: its networking modes and the MTU range Kiln allows. */
public final class Calico
{
    public static final List<String> MODES = List.of(
            "overlay-ipip-all",
            "overlay-vxlan-all",
            "bgp",
            "overlay-ipip-cross-subnet",
            "overlay-vxlan-cross-subnet");
    public static final int MINIMUM_MTU = 1280;
    public static final int MAXIMUM_MTU = 9000;
    public static final List<String> AUTODETECTION_METHODS = List.of("first-found", "can-reach", "interface", "skip-interface", "cidr", "kubernetes-internal-ip");

    private Calico() {}
}
