package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.math.BigDecimal;
import java.util.Optional;

/** Builds {@link ProviderSettings} from a {@code provider "TYPE"} block. */
final class ProviderBuilder
{
    private ProviderBuilder() {}

    /** Empty when the label names no provider type (the loader reports that). */
    static Optional<ProviderSettings> build(DecodedBlock block, Diagnostics diagnostics)
    {
        if (block.labels().isEmpty()) {
            return Optional.empty();
        }
        BlockReader reader = new BlockReader(block, diagnostics);
        Optional<String> alias = reader.string("alias").flatMap(Setting::known);
        return ProviderType.fromLabel(block.labels().getFirst().value()).map(type -> switch (type) {
            case KUBEADM -> new ProviderSettings.Kubeadm(
                    alias,
                    reader.string("connect_timeout", ProviderSchemas.DEFAULT_CONNECT_TIMEOUT),
                    atLeastOne(reader.integer("max_parallel_per_host", 1), diagnostics),
                    block.range());
            case CAPI -> new ProviderSettings.Capi(
                    alias,
                    reader.string("kubeconfig"),
                    reader.string("context"),
                    reader.string("namespace", ProviderSchemas.DEFAULT_NAMESPACE),
                    block.block("install").map(install -> install(install, diagnostics)),
                    block.range());
            case SIM -> new ProviderSettings.Sim(
                    alias,
                    reader.decimal("speed", BigDecimal.ONE),
                    reader.decimal("failure_rate", BigDecimal.ZERO),
                    reader.strings("fail"),
                    reader.strings("hang"),
                    reader.integer("seed", 0),
                    reader.string("state_dir", ProviderSchemas.DEFAULT_STATE_DIRECTORY),
                    block.range());
        });
    }

    /** {@code max_parallel_per_host} below 1 would let nothing run on a host. */
    private static Setting<Integer> atLeastOne(Setting<Integer> setting, Diagnostics diagnostics)
    {
        if (setting.known().map(value -> value < 1).orElse(false)) {
            diagnostics.add(Diagnostic.error("Invalid max_parallel_per_host",
                    "max_parallel_per_host is " + setting.known().get() + ", so no action could run on a host. Write a whole number of at least 1 (1, the default, runs one action per host at a time).",
                    setting.range()));
            return Setting.known(1, setting.range());
        }
        return setting;
    }

    private static ProviderSettings.CapiInstall install(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new ProviderSettings.CapiInstall(
                reader.string("core"),
                reader.string("bootstrap"),
                reader.string("control_plane"),
                reader.stringMap("infrastructure"),
                reader.stringMap("variables"),
                block.range());
    }
}
