package dev.kiln.cli;

import dev.kiln.state.backend.s3.S3ProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Configurations for the S3 state tests: a simulated cluster of {@code workers} worker nodes
 * whose state is kept in the tests' S3 server (the keys come from {@code KILN_VAR_*}, as a
 * team would pass them), or locally.
 */
final class S3Configurations
{
    static final String BUCKET = "kiln";

    private S3Configurations() {}

    /** The environment of a run against {@code server}: the keys, and a 3-second lease so that takeovers come quickly. */
    static Map<String, String> environment()
    {
        return Map.of(
                "KILN_VAR_s3_access_key", S3ProxyServer.ACCESS_KEY,
                "KILN_VAR_s3_secret_key", S3ProxyServer.SECRET_KEY,
                StateBackends.LEASE_VARIABLE, "3");
    }

    static Path writeS3(Path directory, URI endpoint, String key, int workers, int speed)
    {
        return write(directory, """
                variable "s3_access_key" {
                  type      = string
                  sensitive = true
                }

                variable "s3_secret_key" {
                  type      = string
                  sensitive = true
                }

                kiln {
                  state "s3" {
                    endpoint   = "%s"
                    bucket     = "%s"
                    key        = "%s"
                    region     = "us-east-1"
                    path_style = true
                    access_key = var.s3_access_key
                    secret_key = var.s3_secret_key
                  }
                }
                """.formatted(endpoint, BUCKET, key) + cluster(workers, speed));
    }

    static Path writeLocal(Path directory, int workers, int speed)
    {
        return write(directory, cluster(workers, speed));
    }

    private static String cluster(int workers, int speed)
    {
        return """

                variable "generation" {
                  type    = string
                  default = "1"
                }

                provider "sim" {
                  speed = %d
                }

                node "w" {
                  count   = %d
                  address = cidrhost("10.80.0.0/16", 10 + count.index)
                  roles   = ["worker"]
                  labels  = { "kiln.dev/generation" = var.generation }
                }

                node "cp" {
                  address = "10.81.0.10"
                  roles   = ["control-plane"]
                }

                cluster "c" {
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    nodes = [node.cp]
                  }

                  worker_pool "default" {
                    nodes = node.w[*]
                  }
                }
                """.formatted(speed, workers);
    }

    private static Path write(Path directory, String text)
    {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("main.kiln.hcl"), text);
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
