package dev.kiln.planner.planfile;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.render.JsonRenderer;
import dev.kiln.planner.render.Style;
import dev.kiln.planner.render.TextRenderer;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanFileTest
{
    static final List<String> SCENARIOS = PlanScenarios.NAMES;
    /** Every scenario but "sensitive", whose changed sensitive values read back unknown (after_unknown differs). */
    static final List<String> WITHOUT_CHANGED_SECRETS = PlanScenarios.NAMES.stream().filter(name -> !name.equals("sensitive")).toList();
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    @DisplayName("A saved plan reads back to the same text rendering")
    void roundTrip(String scenario)
            throws IOException
    {
        Plan plan = PlanScenarios.plan(scenario).plan().orElseThrow();
        SavedPlan saved = writeAndRead(plan);
        assertEquals(TextRenderer.render(plan, Style.PLAIN), TextRenderer.render(saved.plan(), Style.PLAIN));
        assertEquals("0.1.0-test", saved.kilnVersion());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("WITHOUT_CHANGED_SECRETS")
    @DisplayName("A saved plan without changed sensitive values reads back to the same JSON rendering")
    void roundTripJson(String scenario)
            throws IOException
    {
        Plan plan = PlanScenarios.plan(scenario).plan().orElseThrow();
        assertEquals(JsonRenderer.render(plan), JsonRenderer.render(writeAndRead(plan).plan()));
    }

    @Test
    @DisplayName("A plan without sensitive values reads back equal")
    void roundTripEqual()
            throws IOException
    {
        Plan plan = PlanScenarios.plan("replace").plan().orElseThrow();
        assertEquals(plan, writeAndRead(plan).plan());
    }

    @Test
    @DisplayName("Sensitive values are not stored; the reader names the sensitive variables to give again")
    void sensitiveValuesNotStored()
            throws IOException
    {
        Plan plan = PlanScenarios.plan("sensitive").plan().orElseThrow();
        Path file = directory.resolve("plan.out");
        PlanFile.write(file, plan, "0.1.0-test");
        String text = Files.readString(file);
        for (String secret : List.of("hunter2", "new-secret", "old-secret")) {
            assertFalse(text.contains(secret), "plan file holds " + secret);
        }
        PlanFileResult result = PlanFile.read(file);
        assertEquals(Set.of("admin_password"), result.plan().orElseThrow().sensitiveVariables());
        assertEquals(List.of("Sensitive values not saved in plan"), result.diagnostics().stream().map(Diagnostic::summary).toList());
        assertTrue(result.diagnostics().getFirst().detail().contains("admin_password"));
        Value variable = result.plan().orElseThrow().plan().variables().get("admin_password");
        assertTrue(variable.sensitive() && !variable.isKnown());
    }

    @Test
    @DisplayName("A saved plan applies only to its state at its serial, with its configuration and sensitive variables given")
    void check()
            throws IOException
    {
        SavedPlan saved = writeAndRead(PlanScenarios.plan("sensitive").plan().orElseThrow());
        State same = TestStates.builder().build();
        assertEquals(List.of(), summaries(PlanFileCheck.check(saved, same, HASH, Set.of("admin_password"))));
        assertEquals(List.of("Saved plan is stale"), summaries(PlanFileCheck.check(saved, TestStates.builder().serial(5).build(), HASH, Set.of("admin_password"))));
        assertEquals(List.of("Saved plan is for a different state"),
                summaries(PlanFileCheck.check(saved, TestStates.builder().lineage(UUID.fromString("00000000-0000-4000-8000-000000000001")).build(), HASH, Set.of("admin_password"))));
        assertEquals(List.of("Saved plan does not match the configuration"), summaries(PlanFileCheck.check(saved, same, "ff" + HASH.substring(2), Set.of("admin_password"))));
        assertEquals(List.of("Sensitive variable not given"), summaries(PlanFileCheck.check(saved, same, HASH, Set.of())));
    }

    @Test
    @DisplayName("Files of another format version, other content or invalid JSON are refused with a diagnostic")
    void refusals()
            throws IOException
    {
        Path file = directory.resolve("plan.out");
        PlanFile.write(file, PlanScenarios.plan("create").plan().orElseThrow(), "0.1.0-test");
        Files.writeString(file, Files.readString(file).replace("\"format_version\": 1,", "\"format_version\": 2,"));
        assertEquals(List.of("Unsupported plan file version"), summaries(PlanFile.read(file).diagnostics()));
        Files.writeString(file, "{\"format\": \"something-else\"}");
        assertEquals(List.of("Invalid saved plan"), summaries(PlanFile.read(file).diagnostics()));
        Files.writeString(file, "{not json");
        assertEquals(List.of("Invalid saved plan"), summaries(PlanFile.read(file).diagnostics()));
        Files.writeString(file, "{\"format\": \"kiln-plan\", \"format_version\": 1, \"kiln_version\": \"x\"}");
        PlanFileResult damaged = PlanFile.read(file);
        assertTrue(damaged.plan().isEmpty());
        assertEquals(List.of("Invalid saved plan"), summaries(damaged.diagnostics()));
        assertEquals(List.of("Failed to read saved plan"), summaries(PlanFile.read(directory.resolve("missing.out")).diagnostics()));
    }

    private SavedPlan writeAndRead(Plan plan)
            throws IOException
    {
        Path file = directory.resolve("plan.out");
        PlanFile.write(file, plan, "0.1.0-test");
        PlanFileResult result = PlanFile.read(file);
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result.plan().orElseThrow();
    }

    private static List<String> summaries(List<Diagnostic> diagnostics)
    {
        return diagnostics.stream().map(Diagnostic::summary).toList();
    }
}
