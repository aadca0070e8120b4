package dev.kiln.providers.kubeadm.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** An etcd member as {@code etcdctl member list -w json} shows it; the ID in the hexadecimal form etcdctl takes. */
public record EtcdMember(String id, String name, List<String> peerUrls)
{
    public EtcdMember
    {
        peerUrls = List.copyOf(peerUrls);
    }

    static List<EtcdMember> parse(JsonNode list)
    {
        List<EtcdMember> members = new ArrayList<>();
        for (JsonNode member : list.path("members")) {
            List<String> peers = new ArrayList<>();
            member.path("peerURLs").forEach(url -> peers.add(url.asText()));
            JsonNode id = member.path("ID");
            String hex = id.isNumber() ? Long.toHexString(id.asLong()) : id.asText();
            members.add(new EtcdMember(hex, member.path("name").asText(""), peers));
        }
        return List.copyOf(members);
    }

    /** Whether the member's peer URL is on {@code address}. */
    public boolean isOn(String address)
    {
        return peerUrls.stream().anyMatch(url -> url.contains("//" + address + ":") || url.contains("//[" + address + "]:"));
    }
}
