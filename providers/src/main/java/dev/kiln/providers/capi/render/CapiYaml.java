package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rendered objects as a multi-document YAML stream for people and {@code kubectl apply -f -}:
 * one document per object, in the order given, each sensitive value replaced by
 * {@value RenderedObject#SENSITIVE_TEXT}, and a comment above every object that holds
 * values only known after apply (such a document is for review, not for applying).
 */
public final class CapiYaml
{
    private static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new CautiousQuoting())
            .build());

    private CapiYaml() {}

    /**
     * Quotes what Jackson quotes (keywords, numbers, special characters) and every string
     * starting with a digit, sign or dot, so no YAML 1.1 reader (kubectl's included) takes
     * {@code 12:30} for a sexagesimal number or {@code 0o17} for an octal one.
     */
    private static final class CautiousQuoting
            extends StringQuotingChecker.Default
    {
        @Override
        public boolean needToQuoteValue(String value)
        {
            if (value.isEmpty() || super.needToQuoteValue(value)) {
                return true;
            }
            char first = value.charAt(0);
            return Character.isDigit(first) || first == '+' || first == '-' || first == '.';
        }
    }

    /** One cluster's objects, after a comment naming it. */
    public static String cluster(String title, RenderedCluster cluster)
    {
        requireNonNull(cluster, "cluster is null");
        return objects(title, cluster.version(), cluster.namespace(), cluster.objects());
    }

    /** Objects after a comment {@code # TITLE: Cluster API VERSION, namespace NAMESPACE}. */
    public static String objects(String title, CapiApiVersion version, String namespace, List<RenderedObject> objects)
    {
        requireNonNull(title, "title is null");
        requireNonNull(version, "version is null");
        requireNonNull(namespace, "namespace is null");
        return "# " + title + ": Cluster API " + version + ", namespace " + namespace + "\n" + documents(objects);
    }

    /** The objects as YAML documents, each starting with {@code ---}. */
    public static String documents(List<RenderedObject> objects)
    {
        requireNonNull(objects, "objects is null");
        StringBuilder result = new StringBuilder();
        for (RenderedObject object : objects) {
            result.append("---\n");
            if (!object.isComplete()) {
                result.append("# Not ready to apply: ").append(String.join(", ", object.unknownPaths())).append(" known after apply\n");
            }
            result.append(document(object));
        }
        return result.toString();
    }

    /** One object as YAML, sensitive values hidden. */
    public static String document(RenderedObject object)
    {
        requireNonNull(object, "object is null");
        try {
            return MAPPER.writeValueAsString(object.redactedBody());
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("object could not be written as YAML: " + object.describe(), e);
        }
    }
}
