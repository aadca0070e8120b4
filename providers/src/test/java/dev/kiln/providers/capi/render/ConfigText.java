package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration written by a test into a directory as {@code main.kiln.hcl}, then loaded. */
final class ConfigText
{
    static final String PROVIDER = """
            provider "capi" {
              kubeconfig = "apiVersion: v1\\nkind: Config\\n"
              namespace  = "clusters"
            }
            """;

    private ConfigText() {}

    static Model load(Path directory, String text)
    {
        try {
            Files.writeString(directory.resolve("main.kiln.hcl"), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RenderFixtures.load(directory);
    }
}
