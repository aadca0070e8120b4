package dev.kiln.planner.render;

import dev.kiln.planner.Golden;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Plan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanRenderingGoldenTest
{
    static final List<String> SCENARIOS = PlanScenarios.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    @DisplayName("The text rendering of each scenario matches its golden file")
    void text(String scenario)
    {
        Golden.assertMatches(scenario + ".txt", TextRenderer.render(plan(scenario), Style.PLAIN));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    @DisplayName("The JSON rendering of each scenario matches its golden file")
    void json(String scenario)
    {
        Golden.assertMatches(scenario + ".json", JsonRenderer.render(plan(scenario)));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    @DisplayName("The Markdown rendering of each scenario matches its golden file")
    void markdown(String scenario)
    {
        Golden.assertMatches(scenario + ".md", MarkdownRenderer.render(plan(scenario)));
    }

    @Test
    @DisplayName("The DOT rendering of a plan graph matches its golden file")
    void dot()
    {
        PlanResult result = PlanScenarios.plan("create");
        Golden.assertMatches("create.dot", DotRenderer.render(result.graph().orElseThrow(), result.plan()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    @DisplayName("No rendering reveals a sensitive value")
    void sensitiveValuesNeverRendered(String scenario)
    {
        Plan plan = plan(scenario);
        for (String rendering : List.of(TextRenderer.render(plan, Style.PLAIN), JsonRenderer.render(plan), MarkdownRenderer.render(plan))) {
            for (String secret : List.of("new-secret", "old-secret", "hunter2", "apiVersion")) {
                assertFalse(rendering.contains(secret), scenario + " reveals " + secret);
            }
        }
    }

    @Test
    @DisplayName("Colors appear only with the ANSI style")
    void colorOnlyWhenEnabled()
    {
        Plan plan = plan("create");
        assertFalse(TextRenderer.render(plan, Style.PLAIN).contains("\u001b["));
        assertTrue(TextRenderer.render(plan, Style.ANSI).contains("\u001b[32m"));
    }

    private static Plan plan(String scenario)
    {
        return PlanScenarios.plan(scenario).plan().orElseThrow();
    }
}
