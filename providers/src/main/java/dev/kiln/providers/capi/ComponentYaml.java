package dev.kiln.providers.capi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * clusterctl-style provider component YAML: variables substituted the way clusterctl does
 * ({@code ${VAR}}, {@code ${VAR:=default}}, {@code ${VAR:-default}}, {@code ${VAR=default}}),
 * then split into objects, CustomResourceDefinitions and Namespaces first.
 */
final class ComponentYaml
{
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[=-])([^}]*))?}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIRST = List.of("CustomResourceDefinition", "Namespace");

    private ComponentYaml() {}

    /** {@code text} with every variable replaced; a variable without value or default is an error naming all such variables (never their values). */
    static String substitute(String text, Function<String, String> variables, String source)
    {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        while (matcher.find()) {
            String value = variables.apply(matcher.group(1));
            boolean emptyCountsAsUnset = matcher.group(2) != null && matcher.group(2).startsWith(":");
            if ((value == null || value.isEmpty() && emptyCountsAsUnset) && matcher.group(2) != null) {
                value = matcher.group(3);
            }
            if (value == null) {
                missing.add(matcher.group(1));
                value = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + " needs variables that have no value and no default: " + String.join(", ", missing)
                    + ". Set them in the provider's install { variables = {...} } or in the environment.");
        }
        return result.toString();
    }

    /** The objects of a multi-document YAML stream, CustomResourceDefinitions and Namespaces first, otherwise in order. */
    static List<GenericKubernetesResource> objects(String yaml, String source)
    {
        List<GenericKubernetesResource> first = new ArrayList<>();
        List<GenericKubernetesResource> rest = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                if (!document.hasNonNull("apiVersion") || !document.hasNonNull("kind")) {
                    throw new IllegalArgumentException(source + " holds a document without apiVersion and kind");
                }
                GenericKubernetesResource object = YAML.convertValue(document, GenericKubernetesResource.class);
                (FIRST.contains(object.getKind()) ? first : rest).add(object);
            }
        }
        catch (IllegalArgumentException e) {
            throw e;
        }
        catch (IOException | RuntimeException e) {
            // The parser's message quotes the text, which may hold substituted secrets: only the line is shown.
            Throwable cause = e instanceof RuntimeJsonMappingException && e.getCause() != null ? e.getCause() : e;
            String line = cause instanceof JsonProcessingException processing && processing.getLocation() != null
                    ? " (line " + processing.getLocation().getLineNr() + ")" : "";
            throw new IllegalArgumentException(source + " is not valid YAML" + line);
        }
        List<GenericKubernetesResource> all = new ArrayList<>(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /** Variables from the provider's install block, then the environment. */
    static Function<String, String> variables(Map<String, String> configured, Map<String, String> environment)
    {
        return name -> configured.containsKey(name) ? configured.get(name) : environment.get(name);
    }
}
