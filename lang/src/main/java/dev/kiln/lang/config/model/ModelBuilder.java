package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.rules.ModelRules;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Turns decoded blocks into the typed {@link Model}, then runs every domain rule. Problems
 * become diagnostics; the model is always returned, as complete as the input allows.
 */
public final class ModelBuilder
{
    private ModelBuilder() {}

    /**
     * @param kiln the {@code kiln} block, when there is one
     * @param providers the {@code provider} blocks, decoded with {@link KilnSchemas#topLevel}
     * @param resources every resource instance (node, registry, backup_point, cluster) after count/for_each expansion
     */
    public static Model build(Optional<DecodedBlock> kiln, List<DecodedBlock> providers, List<DecodedInstance> resources, Diagnostics diagnostics)
    {
        return build(kiln, providers, resources, Map.of(), diagnostics);
    }

    /**
     * @param instanceValues the value expressions saw for each resource instance, by which a
     *         {@code nodes} list is read; without them (or where a value is not yet known) the
     *         list's references decide
     */
    public static Model build(Optional<DecodedBlock> kiln, List<DecodedBlock> providers, List<DecodedInstance> resources, Map<ResourceAddress, Value> instanceValues,
            Diagnostics diagnostics)
    {
        requireNonNull(instanceValues, "instanceValues is null");
        requireNonNull(kiln, "kiln is null");
        requireNonNull(providers, "providers is null");
        requireNonNull(resources, "resources is null");
        requireNonNull(diagnostics, "diagnostics is null");

        Optional<KilnSettings> settings = kiln.map(block -> KilnSettingsBuilder.build(block, diagnostics));
        List<ProviderSettings> providerSettings = providers.stream()
                .flatMap(block -> ProviderBuilder.build(block, diagnostics).stream())
                .sorted(Comparator.comparing(ProviderSettings::name))
                .toList();

        References references = new References(instancesByResource(resources), new NodeValues(instanceValues), diagnostics);
        ClusterBuilder clusterBuilder = new ClusterBuilder(references, providerSettings, diagnostics);
        Map<ResourceAddress, Node> nodes = new TreeMap<>();
        Map<ResourceAddress, Registry> registries = new TreeMap<>();
        Map<ResourceAddress, BackupPoint> backupPoints = new TreeMap<>();
        Map<ResourceAddress, Cluster> clusters = new TreeMap<>();
        for (DecodedInstance instance : resources) {
            switch (instance.address().type()) {
                case KilnSchemas.NODE -> nodes.put(instance.address(), NodeBuilder.build(instance, diagnostics));
                case KilnSchemas.REGISTRY -> registries.put(instance.address(), RegistryBuilder.build(instance, references, diagnostics));
                case KilnSchemas.BACKUP_POINT -> backupPoints.put(instance.address(), BackupPointBuilder.build(instance, references, diagnostics));
                case KilnSchemas.CLUSTER -> clusters.put(instance.address(), clusterBuilder.build(instance));
                default -> throw new IllegalArgumentException("not a Kiln resource type: " + instance.address());
            }
        }
        Model model = new Model(settings, providerSettings, toSorted(nodes), toSorted(registries), toSorted(backupPoints), toSorted(clusters));
        ModelRules.check(model, diagnostics);
        return model;
    }

    private static Map<ResourceAddress, List<ResourceAddress>> instancesByResource(List<DecodedInstance> resources)
    {
        Map<ResourceAddress, List<ResourceAddress>> instances = new TreeMap<>();
        resources.stream()
                .map(DecodedInstance::address)
                .sorted()
                .forEach(address -> instances.computeIfAbsent(address.withoutKey(), ignored -> new ArrayList<>()).add(address));
        return instances;
    }

    private static <T> TreeMap<ResourceAddress, T> toSorted(Map<ResourceAddress, T> map)
    {
        return new TreeMap<>(map);
    }
}
