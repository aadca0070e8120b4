package dev.kiln.lang.examples;

import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.model.Cluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples build what their header comments promise: each cluster with its provider,
 * its control-plane size and its machine count (control plane and workers), and each example
 * the resources it declares. A clean load alone would not notice a worker pool that lost its
 * nodes or a provider that silently fell back to another.
 */
class ExampleShapesTest
{
    @ParameterizedTest(name = "{0}: {1} on {2}, {3} control-plane and {4} machines in all")
    @DisplayName("every example's clusters have the provider and sizes their example describes")
    @CsvSource(delimiter = '|', textBlock = """
            quickstart             | cluster.demo                        | SIM     | 1 | 3
            kubeadm-ha             | cluster.prod                        | KUBEADM | 3 | 6
            lab-single-node        | cluster.lab                         | KUBEADM | 1 | 1
            capi-docker            | cluster.dev                         | CAPI    | 1 | 3
            capi-aws-eks           | cluster.eks                         | CAPI    | 0 | 4
            global-cluster         | cluster.global                      | CAPI    | 3 | 6
            management-and-service | cluster.management                  | KUBEADM | 3 | 5
            management-and-service | cluster.service["service-a"]        | CAPI    | 3 | 6
            management-and-service | cluster.service["service-b"]        | CAPI    | 1 | 3
            remote-state-minio     | cluster.shared                      | SIM     | 1 | 3
            """)
    void clusterShape(String example, String address, String provider, int controlPlane, int machines)
    {
        Config config = load(example);
        Optional<Cluster> found = config.model().clusters().entrySet().stream()
                .filter(entry -> entry.getKey().toString().equals(address))
                .map(Map.Entry::getValue)
                .findFirst();
        assertTrue(found.isPresent(), () -> example + " has no " + address + "; it has " + config.model().clusters().keySet());
        Cluster cluster = found.get();
        assertEquals(provider, cluster.providerType().name(), address + "'s provider");
        int controlPlaneSize = cluster.hasManagedControlPlane() ? 0 : cluster.controlPlane().members().knownSize().orElse(-1);
        assertEquals(controlPlane, controlPlaneSize, address + "'s control-plane size");
        assertEquals(Optional.of(machines), cluster.knownMachineCount(), address + "'s machines");
    }

    @ParameterizedTest(name = "{0} declares {1}")
    @DisplayName("every example declares the resources its header describes, no more")
    @CsvSource(delimiter = '|', textBlock = """
            quickstart             | cluster.demo node.control[0] node.worker["w1"] node.worker["w2"]
            kubeadm-ha             | backup_point.minio cluster.prod node.control[0] node.control[1] node.control[2] node.worker[0] node.worker[1] node.worker[2] registry.mirror
            lab-single-node        | cluster.lab node.lab registry.local
            capi-docker            | cluster.dev
            capi-aws-eks           | cluster.eks
            global-cluster         | cluster.global
            management-and-service | cluster.management cluster.service["service-a"] cluster.service["service-b"] node.master["master1"] node.master["master2"] node.master["master3"] node.worker["worker1"] node.worker["worker2"] registry.images
            remote-state-minio     | cluster.shared node.control node.worker[0] node.worker[1]
            """)
    void resources(String example, String addresses)
    {
        Config config = load(example);
        List<String> declared = config.resources().stream().map(instance -> instance.address().toString()).toList();
        assertEquals(List.of(addresses.split(" ")), declared);
    }

    private static Config load(String example)
    {
        LoadResult result = ExamplesTest.load(ExamplesTest.EXAMPLES.resolve(example));
        assertTrue(result.config().isPresent(), () -> example + " does not load: " + result.diagnostics());
        return result.config().get();
    }
}
