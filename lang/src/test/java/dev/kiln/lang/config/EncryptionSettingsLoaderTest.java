package dev.kiln.lang.config;

import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.diag.Diagnostic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EncryptionSettingsLoaderTest
{
    private static final String VARIABLES = """
            variable "state_passphrase" {
              type      = string
              sensitive = true
            }

            variable "old_passphrase" {
              type      = string
              sensitive = true
              default   = "old passphrase"
            }

            variable "unrelated" {
              type = string
            }
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("a configuration without an encryption block has no settings and no diagnostics")
    void noBlock()
            throws IOException
    {
        write("kiln {\n  parallelism = 3\n}\n");
        EncryptionLoad load = EncryptionSettingsLoader.load(directory, VariableInputs.none());
        assertEquals(Optional.empty(), load.settings());
        assertEquals(List.of(), load.diagnostics());
    }

    @Test
    @DisplayName("the block reads its passphrases from the variables it names, from the environment or -var; unrelated variables need no value")
    void fromVariables()
            throws IOException
    {
        write(VARIABLES + """
                kiln {
                  encryption {
                    key_provider "pbkdf2" {
                      passphrase = var.state_passphrase
                    }
                    fallback {
                      passphrase = var.old_passphrase
                    }
                  }
                }
                """);
        EncryptionLoad load = EncryptionSettingsLoader.load(directory, VariableInputs.builder().environment(Map.of("KILN_VAR_state_passphrase", "from the environment")).build());
        assertEquals(List.of(), load.diagnostics());
        EncryptionSettings settings = load.settings().orElseThrow();
        assertEquals(Optional.of("from the environment"), settings.passphrase().orElseThrow().known());
        assertTrue(settings.passphrase().orElseThrow().sensitive());
        assertEquals(Optional.of("aes_gcm"), settings.method().known());
        assertEquals(Optional.of("old passphrase"), settings.fallback().orElseThrow().passphrase().orElseThrow().known());

        EncryptionLoad fromOption = EncryptionSettingsLoader.load(directory, VariableInputs.builder().variable("state_passphrase=from an option").build());
        assertEquals(Optional.of("from an option"), fromOption.settings().orElseThrow().passphrase().orElseThrow().known());
    }

    @Test
    @DisplayName("a passphrase variable without a value, an unknown method and a reference to anything but a variable are diagnostics with their place")
    void problems()
            throws IOException
    {
        write(VARIABLES + """
                locals {
                  secret = "x"
                }

                kiln {
                  encryption {
                    method     = "aes_cbc"
                    passphrase = var.state_passphrase
                  }
                }
                """);
        EncryptionLoad missing = EncryptionSettingsLoader.load(directory, VariableInputs.none());
        assertEquals(List.of("No value for required variable at main.kiln.hcl:1:1"), described(missing.diagnostics()));

        EncryptionLoad method = EncryptionSettingsLoader.load(directory, VariableInputs.builder().variable("state_passphrase=x").build());
        assertEquals(List.of("Unsupported value at main.kiln.hcl:21:18"), described(method.diagnostics()));
        assertTrue(method.settings().isEmpty());

        write(VARIABLES + "locals {\n  secret = \"x\"\n}\n\nkiln {\n  encryption {\n    passphrase = local.secret\n  }\n}\n");
        EncryptionLoad local = EncryptionSettingsLoader.load(directory, VariableInputs.none());
        assertEquals(List.of("Invalid reference in encryption settings at main.kiln.hcl:21:18"), described(local.diagnostics()));
    }

    private void write(String text)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), text);
    }

    private static List<String> described(List<Diagnostic> diagnostics)
    {
        return diagnostics.stream()
                .map(diagnostic -> diagnostic.summary() + diagnostic.subject().map(range -> " at " + range.filename() + ":" + range.start().line() + ":" + range.start().column()).orElse(""))
                .toList();
    }
}
