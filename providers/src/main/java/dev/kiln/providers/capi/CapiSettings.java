package dev.kiln.providers.capi;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One {@code provider "capi"} configuration as the provider uses it: its name
 * ({@code capi.east}), where its kubeconfig comes from, the context and namespace, what to
 * install, and the timeouts. A kubeconfig that references another resource of the
 * configuration and is not known yet ({@code kubeconfig = cluster.mgmt.kubeconfig} before
 * the management cluster exists) is {@link Kubeconfig.AfterApply}: the provider reads it
 * from that resource's applied value when the first change needs the API.
 */
public record CapiSettings(String name, Kubeconfig kubeconfig, Optional<String> context, String namespace, ProviderSettings.Capi model, CapiTimeouts timeouts)
{
    public CapiSettings
    {
        requireNonNull(name, "name is null");
        requireNonNull(kubeconfig, "kubeconfig is null");
        requireNonNull(context, "context is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(model, "model is null");
        requireNonNull(timeouts, "timeouts is null");
    }

    /** Where the kubeconfig comes from. */
    sealed interface Kubeconfig
    {
        /** Kiln's default: $KUBECONFIG, else ~/.kube/config. */
        record Default()
                implements Kubeconfig {}

        /** A path to a kubeconfig file (a value of one line naming an existing file). */
        record File(Path path)
                implements Kubeconfig {}

        /** Kubeconfig text. Sensitive. */
        record Inline(String content)
                implements Kubeconfig
        {
            @Override
            public String toString()
            {
                return "Inline[(sensitive value)]";
            }
        }

        /** Known only after apply: the value at {@code reference} (empty when the expression is more than one reference). */
        record AfterApply(Optional<Reference> reference)
                implements Kubeconfig {}
    }

    /** The settings of {@code model}, whose block is {@code block}; paths are relative to {@code workingDirectory}. */
    public static CapiSettings of(ProviderSettings.Capi model, Optional<DecodedBlock> block, Path workingDirectory)
    {
        requireNonNull(model, "model is null");
        requireNonNull(block, "block is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        Kubeconfig kubeconfig = model.kubeconfig().map(setting -> kubeconfig(setting, block, workingDirectory)).orElse(new Kubeconfig.Default());
        return new CapiSettings(model.name(), kubeconfig, model.context().flatMap(Setting::known), model.namespace().known().orElse("default"), model,
                CapiTimeouts.from(System.getenv(), System.getProperties()));
    }

    private static Kubeconfig kubeconfig(Setting<String> setting, Optional<DecodedBlock> block, Path workingDirectory)
    {
        if (setting.known().isEmpty()) {
            List<Reference> references = block.flatMap(found -> found.attribute("kubeconfig")).map(DecodedAttribute::references).orElse(List.of());
            return new Kubeconfig.AfterApply(references.size() == 1 ? Optional.of(references.getFirst()) : Optional.empty());
        }
        return of(setting.known().get(), workingDirectory);
    }

    /** A one-line value naming an existing file is a path; anything else is kubeconfig text. */
    static Kubeconfig of(String value, Path workingDirectory)
    {
        if (!value.contains("\n")) {
            try {
                Path path = workingDirectory.resolve(value.strip());
                if (Files.isRegularFile(path)) {
                    return new Kubeconfig.File(path);
                }
            }
            catch (InvalidPathException e) {
                // Not a path: kubeconfig text.
            }
        }
        return new Kubeconfig.Inline(value);
    }
}
