package dev.kiln.bench;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.providers.capi.render.CapiApiVersion;
import dev.kiln.providers.capi.render.CapiRenderer;
import dev.kiln.providers.capi.render.CapiYaml;
import dev.kiln.providers.capi.render.RenderInputs;
import dev.kiln.providers.capi.render.RenderedCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders many Cluster API clusters in-process: generates a configuration of
 * {@code --clusters} docker clusters ({@code for_each}) with {@code --pools} worker pools each,
 * loads it once, then renders every cluster (objects, name checks) and writes their YAML,
 * warm-up runs first, then measured runs; reports the minimum and median of each part.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.RenderBenchmark [--clusters 200] [--pools 10] [--warmups 5] [--runs 10] [--version v1beta1]</pre>
 */
public final class RenderBenchmark
{
    private RenderBenchmark() {}

    public static void main(String[] args)
            throws IOException
    {
        int clusters = 200;
        int pools = 10;
        int warmups = 5;
        int runs = 10;
        CapiApiVersion version = CapiApiVersion.DEFAULT;
        for (int index = 0; index + 1 < args.length; index += 2) {
            String value = args[index + 1];
            switch (args[index]) {
                case "--clusters" -> clusters = Integer.parseInt(value);
                case "--pools" -> pools = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--runs" -> runs = Math.max(1, Integer.parseInt(value));
                case "--version" -> version = CapiApiVersion.fromLabel(value).orElseThrow(() -> new IllegalArgumentException("--version v1beta1|v1beta2"));
                default -> throw new IllegalArgumentException("unknown option " + args[index]
                        + "; options: --clusters N --pools N --warmups N --runs N --version v1beta1|v1beta2");
            }
        }
        Path directory = Files.createTempDirectory("kiln-render-bench");
        Files.writeString(directory.resolve("main.kiln.hcl"), configuration(clusters, pools));
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none());
        if (loaded.hasErrors()) {
            throw new IllegalStateException("generated configuration does not load: " + loaded.diagnostics());
        }
        Model model = loaded.config().orElseThrow().model();
        List<Long> renderTimes = new ArrayList<>();
        List<Long> yamlTimes = new ArrayList<>();
        int objects = 0;
        long characters = 0;
        for (int run = 0; run < warmups + runs; run++) {
            long renderNanos = 0;
            long yamlNanos = 0;
            objects = 0;
            characters = 0;
            for (Cluster cluster : model.clusters().values()) {
                long start = System.nanoTime();
                RenderedCluster rendered = CapiRenderer.render(cluster, CapiRenderer.provider(model, cluster).orElseThrow(), version, RenderInputs.of(model, cluster));
                if (!CapiRenderer.check(cluster, rendered).isEmpty()) {
                    throw new IllegalStateException("unexpected naming problems in " + cluster.address());
                }
                long rendering = System.nanoTime();
                characters += CapiYaml.cluster(cluster.address().toString(), rendered).length();
                yamlNanos += System.nanoTime() - rendering;
                renderNanos += rendering - start;
                objects += rendered.objects().size();
            }
            if (run >= warmups) {
                renderTimes.add(renderNanos);
                yamlTimes.add(yamlNanos);
            }
        }
        System.out.printf(Locale.ROOT, "%d clusters x %d pools: %d objects, %,d characters of YAML (%s)%n", clusters, pools, objects, characters, version);
        System.out.printf(Locale.ROOT, "render + name checks: min %.0f ms, median %.0f ms%n", millis(min(renderTimes)), millis(median(renderTimes)));
        System.out.printf(Locale.ROOT, "YAML:                 min %.0f ms, median %.0f ms%n", millis(min(yamlTimes)), millis(median(yamlTimes)));
    }

    static String configuration(int clusters, int pools)
    {
        StringBuilder text = new StringBuilder("""
                provider "capi" {
                  kubeconfig = "apiVersion: v1\\nkind: Config\\n"
                  namespace  = "bench"
                }

                cluster "c" {
                  for_each           = toset([for index in range(%d) : format("c%%04d", index)])
                  provider           = capi
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    replicas = 3
                  }
                """.formatted(clusters));
        for (int pool = 0; pool < pools; pool++) {
            text.append("""

                      worker_pool "p%d" {
                        replicas = 3
                        labels   = { "pool" = "p%d" }

                        machine {
                          template = "kindest/node:v1.31.2"
                        }
                      }
                    """.formatted(pool, pool));
        }
        return text.append("\n  infrastructure \"docker\" {}\n}\n").toString();
    }

    private static long min(List<Long> times)
    {
        return times.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long median(List<Long> times)
    {
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private static double millis(long nanos)
    {
        return nanos / 1_000_000.0;
    }
}
