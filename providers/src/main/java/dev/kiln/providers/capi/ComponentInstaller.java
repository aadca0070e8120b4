package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeWait;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.Setting;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code clusterctl init}, offline: applies the provider components the operator supplies in
 * {@code install { core, bootstrap, control_plane, infrastructure = {...}, variables }} (each a
 * component YAML file, or its text), with clusterctl's variable substitution, then waits
 * until every Deployment they hold is Available and reports each one's image — the provider
 * versions — as a progress line of the action that triggered the install, so the action log
 * records them. Applying is idempotent: components already in place are left alone.
 */
final class ComponentInstaller
{
    private final Path workingDirectory;
    private final Map<String, String> environment;

    ComponentInstaller(Path workingDirectory, Map<String, String> environment)
    {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
    }

    void install(KubeClient client, CapiSettings settings, ActionContext context)
    {
        Optional<ProviderSettings.CapiInstall> install = settings.model().install();
        if (install.isEmpty()) {
            return;
        }
        Function<String, String> variables = ComponentYaml.variables(install.get().variables().known().orElse(Map.of()), environment);
        List<ObjectRef> deployments = new ArrayList<>();
        for (Map.Entry<String, String> component : components(install.get()).entrySet()) {
            String text = ComponentYaml.substitute(read(component.getValue(), component.getKey()), variables, component.getKey());
            List<GenericKubernetesResource> objects = ComponentYaml.objects(text, component.getKey());
            context.progress("installing " + component.getKey() + ": " + objects.size() + " objects");
            for (GenericKubernetesResource object : objects) {
                client.apply(object, true, context::progress);
                if (object.getKind().equals("Deployment")) {
                    deployments.add(ObjectRef.of(object));
                }
            }
        }
        for (ObjectRef deployment : deployments) {
            GenericKubernetesResource available = KubeWait.until(client, deployment + " to be Available", List.of(), () -> available(client, deployment),
                    new KubeWait.Options(settings.timeouts().apply(), settings.timeouts().pollInterval()), context);
            context.progress(deployment + " is Available, running " + String.join(", ", images(available)));
        }
    }

    /** core, bootstrap, control_plane, then each infrastructure provider by name: label → file or text. */
    private static Map<String, String> components(ProviderSettings.CapiInstall install)
    {
        Map<String, String> components = new LinkedHashMap<>();
        install.core().flatMap(Setting::known).ifPresent(value -> components.put("install.core", value));
        install.bootstrap().flatMap(Setting::known).ifPresent(value -> components.put("install.bootstrap", value));
        install.controlPlane().flatMap(Setting::known).ifPresent(value -> components.put("install.control_plane", value));
        new java.util.TreeMap<>(install.infrastructure().known().orElse(Map.of()))
                .forEach((name, value) -> components.put("install.infrastructure[\"" + name + "\"]", value));
        return components;
    }

    private String read(String value, String source)
    {
        if (value.contains("\n")) {
            return value;
        }
        Path path = workingDirectory.resolve(value.strip());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(source + " must be a component YAML file (such as clusterctl's core-components.yaml) or its text; "
                    + path + " is not a file. Kiln installs providers offline, from files the operator supplies.");
        }
        try {
            return Files.readString(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read " + path, e);
        }
    }

    private static KubeWait.Check<GenericKubernetesResource> available(KubeClient client, ObjectRef deployment)
    {
        Optional<GenericKubernetesResource> found = client.get(deployment);
        if (found.isEmpty()) {
            return KubeWait.Check.pending(deployment + " does not exist yet");
        }
        List<ObjectFields.Condition> conditions = ObjectFields.conditions(found.get());
        boolean available = conditions.stream().anyMatch(condition -> condition.type().equals("Available") && condition.isTrue());
        return available ? KubeWait.Check.done(found.get()) : KubeWait.Check.pending(deployment + ": " + ObjectFields.describe(conditions));
    }

    private static List<String> images(GenericKubernetesResource deployment)
    {
        List<String> images = new ArrayList<>();
        for (Object container : ObjectFields.list(deployment, "spec", "template", "spec", "containers")) {
            if (container instanceof Map<?, ?> map && map.get("image") instanceof String image) {
                images.add(image);
            }
        }
        return images.isEmpty() ? List.of("no images") : images;
    }
}
