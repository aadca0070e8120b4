package dev.kiln.planner.planfile;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.render.Style;
import dev.kiln.planner.render.TextRenderer;
import dev.kiln.state.encryption.Pbkdf2KeyProvider;
import dev.kiln.state.encryption.StateEncryption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EncryptedPlanFileTest
{
    private static final List<String> SECRETS = List.of("hunter2", "new-secret", "old-secret");

    @TempDir
    Path directory;

    @Test
    @DisplayName("an encrypted plan file holds no secret readable, and reads back equal, sensitive values included, so none must be given again")
    void roundTripWithSensitiveValues()
            throws IOException
    {
        Plan plan = PlanScenarios.plan("sensitive").plan().orElseThrow();
        Path file = directory.resolve("plan.out");
        PlanFile.write(file, plan, "0.1.0-test", encryption("plan passphrase"));

        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(StateEncryption.isSealed(Files.readAllBytes(file)));
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "plan file holds " + secret);
        }
        assertFalse(text.contains("admin_password"), "not even the names are readable");

        PlanFileResult result = PlanFile.read(file, encryption("plan passphrase"));
        assertEquals(List.of(), result.diagnostics());
        SavedPlan saved = result.plan().orElseThrow();
        assertEquals(Set.of(), saved.sensitiveVariables());
        Value password = saved.plan().variables().get("admin_password");
        assertEquals(plan.variables().get("admin_password"), password);
        assertTrue(password.sensitive());
        assertEquals(TextRenderer.render(plan, Style.PLAIN), TextRenderer.render(saved.plan(), Style.PLAIN), "sensitive values still render as (sensitive value)");
        assertEquals(plan, saved.plan(), "the changes' sensitive values are held too, so the plan applies exactly as made");
    }

    @Test
    @DisplayName("a wrong passphrase or no encryption is a clear error and leaves the plan file as it was")
    void wrongKey()
            throws IOException
    {
        Path file = directory.resolve("plan.out");
        PlanFile.write(file, PlanScenarios.plan("create").plan().orElseThrow(), "0.1.0-test", encryption("plan passphrase"));
        byte[] before = Files.readAllBytes(file);

        PlanFileResult wrong = PlanFile.read(file, encryption("another passphrase"));
        assertTrue(wrong.plan().isEmpty());
        assertEquals(List.of("Failed to decrypt plan file"), wrong.diagnostics().stream().map(Diagnostic::summary).toList());
        assertTrue(wrong.diagnostics().getFirst().detail().contains("wrong passphrase or corrupted file"));
        PlanFileResult missing = PlanFile.read(file);
        assertTrue(missing.diagnostics().getFirst().detail().contains("is encrypted but no encryption is configured"));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    @DisplayName("a plan saved before encryption was configured still reads, and an old key reads through the fallback")
    void plaintextAndFallback()
            throws IOException
    {
        Plan plan = PlanScenarios.plan("create").plan().orElseThrow();
        Path plaintext = directory.resolve("plaintext.out");
        PlanFile.write(plaintext, plan, "0.1.0-test");
        assertEquals(plan, PlanFile.read(plaintext, encryption("plan passphrase")).plan().orElseThrow().plan());

        Path old = directory.resolve("old.out");
        PlanFile.write(old, plan, "0.1.0-test", encryption("old passphrase"));
        StateEncryption rotating = StateEncryption.of(key("new passphrase"), Optional.of(key("old passphrase")));
        assertEquals(plan, PlanFile.read(old, rotating).plan().orElseThrow().plan());
    }

    private static StateEncryption encryption(String passphrase)
    {
        return StateEncryption.of(key(passphrase), Optional.empty());
    }

    private static Pbkdf2KeyProvider key(String passphrase)
    {
        return Pbkdf2KeyProvider.withIterations(passphrase, 1_000);
    }
}
