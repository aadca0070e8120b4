package dev.kiln.providers.kubeadm.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A Node object as {@code kubectl get nodes -o json} shows it: name, internal address, kubelet version, readiness, cordon, labels and taints. */
public record KubeNode(String name, String internalAddress, String kubeletVersion, boolean ready, boolean unschedulable,
        SortedMap<String, String> labels, List<String> taints)
{
    public KubeNode
    {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        taints = List.copyOf(taints);
    }

    static List<KubeNode> parse(JsonNode list)
    {
        List<KubeNode> nodes = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            String address = "";
            for (JsonNode entry : item.path("status").path("addresses")) {
                if (entry.path("type").asText().equals("InternalIP")) {
                    address = entry.path("address").asText();
                }
            }
            boolean ready = false;
            for (JsonNode condition : item.path("status").path("conditions")) {
                if (condition.path("type").asText().equals("Ready")) {
                    ready = condition.path("status").asText().equals("True");
                }
            }
            TreeMap<String, String> labels = new TreeMap<>();
            item.path("metadata").path("labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
            List<String> taints = new ArrayList<>();
            for (JsonNode taint : item.path("spec").path("taints")) {
                String value = taint.path("value").asText("");
                taints.add(taint.path("key").asText() + (value.isEmpty() ? "" : "=" + value) + ":" + taint.path("effect").asText());
            }
            nodes.add(new KubeNode(item.path("metadata").path("name").asText(), address,
                    item.path("status").path("nodeInfo").path("kubeletVersion").asText(""), ready,
                    item.path("spec").path("unschedulable").asBoolean(false), labels, taints));
        }
        return List.copyOf(nodes);
    }
}
