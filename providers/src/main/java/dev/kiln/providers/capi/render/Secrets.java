package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Setting;

import java.util.Map;
import java.util.TreeMap;

/** Secrets Kiln renders beside the Cluster API objects; every value in them is sensitive. */
final class Secrets
{
    private Secrets() {}

    /** An Opaque Secret named {@code name} whose {@code stringData} holds {@code entries}, each marked sensitive. */
    static ObjectNode secret(RenderContext context, String name, Map<String, Setting<String>> entries)
    {
        ObjectNode manifest = context.manifest("v1", "Secret", name);
        manifest.put("type", "Opaque");
        ObjectNode data = manifest.putObject("stringData");
        new TreeMap<>(entries).forEach((key, setting) -> data.set(key, sensitive(setting)));
        return manifest;
    }

    private static JsonNode sensitive(Setting<String> setting)
    {
        return setting.known().map(MarkedValues::sensitiveText).orElseGet(MarkedValues::unknown);
    }
}
