package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI v3 schemas of Cluster API's CRDs in {@code shared/conformance/cluster-api/crds}
 * (found from {@code -Dcapi.crds}, else by walking up from the module directory, the way
 * the HCL suite is found), turned into JSON Schema draft 4 documents the networknt
 * validator checks objects against. OpenAPI's extensions are translated, not ignored:
 * <ul>
 * <li>{@code nullable: true} adds {@code "null"} to the node's {@code type};</li>
 * <li>{@code x-kubernetes-int-or-string: true} becomes {@code anyOf [integer, string]} when
 * the schema does not say so already;</li>
 * <li>an object schema with {@code properties} gets {@code additionalProperties: false}
 * unless it carries {@code x-kubernetes-preserve-unknown-fields} or an
 * {@code additionalProperties} of its own, so a field the API server would prune (or reject
 * under strict field validation) fails the test;</li>
 * <li>{@code x-kubernetes-embedded-resource} objects accept {@code apiVersion},
 * {@code kind} and {@code metadata};</li>
 * <li>every other {@code x-kubernetes-*} key (list types, CEL {@code x-kubernetes-validations},
 * which need a CEL engine) is dropped, as are {@code format}s draft 4 does not define.</li>
 * </ul>
 */
final class CrdSchemas
{
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final Set<String> DRAFT4_FORMATS = Set.of("date-time", "email", "hostname", "ipv4", "ipv6", "uri");

    private final Path directory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<Path> read = ConcurrentHashMap.newKeySet();

    private CrdSchemas(Path directory)
    {
        this.directory = directory;
    }

    /**
     * The CRDs of the conformance folder, each read the first time an object of its kind is
     * checked (the folder names them {@code GROUP_PLURAL.yaml}, the plural being the lower-case
     * kind with an {@code s}).
     */
    static CrdSchemas load()
    {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no Cluster API CRDs at " + directory + "; set -Dcapi.crds=DIR");
        }
        return new CrdSchemas(directory);
    }

    /** {@code -Dcapi.crds}, else {@code shared/conformance/cluster-api/crds} beside the repository or any enclosing directory. */
    static Path directory()
    {
        String configured = System.getProperty("capi.crds");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/conformance/cluster-api/crds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../shared/conformance/cluster-api/crds").toAbsolutePath().normalize();
    }

    /** The schema of {@code apiVersion}/{@code kind} when its CRD is in the folder and serves that version. */
    Optional<JsonSchema> schema(String apiVersion, String kind)
    {
        int slash = apiVersion.indexOf('/');
        if (slash > 0) {
            Path file = directory.resolve(apiVersion.substring(0, slash) + "_" + kind.toLowerCase(Locale.ROOT) + "s.yaml");
            if (Files.isRegularFile(file) && read.add(file)) {
                try {
                    add(YAML.readTree(file.toFile()));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.ofNullable(schemas.get(apiVersion + " " + kind));
    }

    /** The problems the schema finds in {@code object}, as "path: message" lines; empty when it validates. */
    static List<String> problems(JsonSchema schema, JsonNode object)
    {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(message.getMessage());
        }
        return problems.stream().sorted().toList();
    }

    private synchronized void add(JsonNode crd)
    {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            ObjectNode translated = (ObjectNode) translate(openApi.deepCopy());
            translated.put("$schema", "http://json-schema.org/draft-04/schema#");
            schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(translated));
        }
    }

    static JsonNode translate(JsonNode node)
    {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
            schema.set("type", JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("anyOf")) {
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-embedded-resource").asBoolean(false) && schema.has("properties")) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").put("type", "object");
        }
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
            schema.put("additionalProperties", false);
        }
        if (schema.has("format") && !DRAFT4_FORMATS.contains(schema.get("format").asText())) {
            schema.remove("format");
        }
        schema.remove("nullable");
        List<String> extensions = new ArrayList<>();
        schema.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-kubernetes-")) {
                extensions.add(name);
            }
        });
        schema.remove(extensions);
        if (schema.has("properties")) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(translate(field.getValue()));
            }
        }
        for (String keyword : List.of("items", "additionalProperties", "not")) {
            if (schema.get(keyword) instanceof ObjectNode child) {
                schema.set(keyword, translate(child));
            }
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(keyword) instanceof ArrayNode children) {
                for (int index = 0; index < children.size(); index++) {
                    children.set(index, translate(children.get(index)));
                }
            }
        }
        return schema;
    }
}
