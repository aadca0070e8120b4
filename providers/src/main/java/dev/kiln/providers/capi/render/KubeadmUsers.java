package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Setting;

import java.util.List;
import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * The {@code users} of a kubeadm bootstrap config, from the group's {@code user} blocks in
 * the order written: Cluster API's fields (groups joined as cloud-init takes them), with
 * {@code passwd} always marked sensitive, so it is never shown.
 */
final class KubeadmUsers
{
    static final String GROUP_SEPARATOR = ", ";

    private KubeadmUsers() {}

    /** Sets {@code users} on {@code spec} when there are any. */
    static void add(ObjectNode spec, List<Cluster.User> users)
    {
        if (users.isEmpty()) {
            return;
        }
        ArrayNode array = spec.putArray("users");
        users.forEach(user -> array.add(user(user)));
    }

    private static ObjectNode user(Cluster.User user)
    {
        ObjectNode node = NODES.objectNode();
        node.put("name", user.name());
        user.gecos().ifPresent(gecos -> node.set("gecos", MarkedValues.text(gecos)));
        groups(user.groups()).ifPresent(groups -> node.set("groups", groups));
        user.homeDirectory().ifPresent(home -> node.set("homeDir", MarkedValues.text(home)));
        user.shell().ifPresent(shell -> node.set("shell", MarkedValues.text(shell)));
        user.sudo().ifPresent(sudo -> node.set("sudo", MarkedValues.text(sudo)));
        user.password().ifPresent(password -> node.set("passwd", password.known().map(MarkedValues::sensitiveText).orElseGet(MarkedValues::unknown)));
        user.lockPassword().ifPresent(lock -> node.set("lockPassword", MarkedValues.bool(lock)));
        if (user.sshAuthorizedKeys() instanceof Setting.Unknown || !user.sshAuthorizedKeys().known().orElse(List.of()).isEmpty()) {
            node.set("sshAuthorizedKeys", MarkedValues.texts(user.sshAuthorizedKeys()));
        }
        return node;
    }

    /** Cluster API takes the supplementary groups as one string, as cloud-init does: "wheel, docker". */
    private static Optional<JsonNode> groups(Setting<List<String>> groups)
    {
        return switch (groups) {
            case Setting.Known<List<String>> known when known.value().isEmpty() -> Optional.empty();
            case Setting.Known<List<String>> known -> Optional.of(known.sensitive()
                    ? MarkedValues.sensitiveText(String.join(GROUP_SEPARATOR, known.value()))
                    : NODES.textNode(String.join(GROUP_SEPARATOR, known.value())));
            case Setting.Unknown<List<String>> ignored -> Optional.of(MarkedValues.unknown());
        };
    }
}
