package dev.kiln.executors.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the fabric8 client of a {@link KubeConnection} on the JDK's HTTP client. The
 * kubeconfig is checked first (it parses, the context exists), and every message names where
 * the kubeconfig came from and the context, never its content: a parse error of inline text
 * could quote a token. fabric8's own retries are off; {@link ApiCalls} retries with messages.
 */
final class ClientFactory
{
    static final ClientFactory INSTANCE = new ClientFactory();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int CONNECTION_TIMEOUT_MILLIS = 10_000;

    private ClientFactory() {}

    KubernetesClient create(KubeConnection connection)
    {
        // slf4j reports a missing logging backend on standard error; Kiln has none on purpose.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Config config = config(connection);
        config.setNamespace(connection.namespace());
        config.setRequestTimeout((int) connection.requestTimeout().toMillis());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    private static Config config(KubeConnection connection)
    {
        String context = connection.context().orElse(null);
        return switch (connection.kubeconfig()) {
            case KubeConnection.Kubeconfig.Inline inline -> {
                check(inline.content(), "the inline kubeconfig", connection.context());
                yield Config.fromKubeconfig(context, inline.content(), null);
            }
            case KubeConnection.Kubeconfig.File file -> fromFile(file.path(), connection.context());
            case KubeConnection.Kubeconfig.Default ignored -> {
                Optional<Path> path = defaultPath();
                yield path.isPresent() ? fromFile(path.get(), connection.context()) : Config.autoConfigure(context);
            }
        };
    }

    private static Config fromFile(Path path, Optional<String> context)
    {
        String content;
        try {
            content = Files.readString(path);
        }
        catch (IOException e) {
            throw new KubeconfigException("the kubeconfig " + path + " cannot be read: " + e.getClass().getSimpleName());
        }
        check(content, "the kubeconfig " + path, context);
        return Config.fromKubeconfig(context.orElse(null), content, path.toAbsolutePath().toString());
    }

    private static Optional<Path> defaultPath()
    {
        String variable = System.getenv("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable.split(java.io.File.pathSeparator)[0]));
        }
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        return Files.isRegularFile(home) ? Optional.of(home) : Optional.empty();
    }

    /** The kubeconfig parses and has the context asked for (or a current context). */
    static void check(String content, String where, Optional<String> context)
    {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        }
        catch (IOException e) {
            throw new KubeconfigException(where + " is not valid YAML");
        }
        if (root == null || !root.isObject() || !root.path("clusters").isArray()) {
            throw new KubeconfigException(where + " is not a kubeconfig: it has no clusters list");
        }
        String wanted = context.orElse(root.path("current-context").asText(""));
        if (wanted.isEmpty()) {
            throw new KubeconfigException(where + " has no current-context; set context in the provider block");
        }
        boolean found = false;
        for (JsonNode entry : root.path("contexts")) {
            found |= wanted.equals(entry.path("name").asText());
        }
        if (!found) {
            throw new KubeconfigException(where + " has no context named \"" + wanted + "\"");
        }
    }
}
