package dev.kiln.executors.apply;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.diff.RecordedResourceValues;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A configuration in a directory, planned with Kiln's schemas and the standard diff against a state. */
record Scenario(Path directory)
{
    static final ResourceTypes TYPES = ResourceTypes.of(KilnSchemas.resourceTypes().stream()
            .map(type -> new ResourceType(type, ResourceSchema.of(KilnSchemas.topLevel(type, List.of("x")).orElseThrow()), StandardDiffRule.INSTANCE))
            .toList());

    static Scenario write(Path directory, String configuration)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), "provider \"sim\" {}\n\n" + configuration);
        return new Scenario(directory);
    }

    PlanResult plan(State state, PlanMode mode)
    {
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), new RecordedResourceValues(state, TYPES));
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        PlanResult result = Planner.plan(new PlanRequest(loaded.config().orElseThrow(), state, TYPES, PlanOptions.DEFAULT.withMode(mode), Refresher.NONE));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }
}
