package dev.kiln.cli;

import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.state.State;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A configuration loaded against a state (references see the recorded attributes) with its
 * providers, ready to plan. Loading shows its diagnostics and is empty when they hold errors.
 */
record Planning(Config config, Map<String, String> sources, State state, ProviderSet providers)
{
    Planning
    {
        requireNonNull(config, "config is null");
        sources = Map.copyOf(sources);
        requireNonNull(state, "state is null");
        requireNonNull(providers, "providers is null");
    }

    static Optional<Planning> load(Workspace workspace, VariableInputs inputs, State state)
    {
        return load(workspace, inputs, state, true, Optional.empty());
    }

    /** Loaded for {@code session}'s run: providers that reach hosts log to the run's folder {@code .kiln/logs/<run>}. */
    static Optional<Planning> load(Workspace workspace, VariableInputs inputs, State state, StateSession session)
    {
        return load(workspace, inputs, state, true, Optional.of(session.runId()));
    }

    /** {@code showWarnings} false shows errors only (the configuration was loaded and shown once already). */
    static Optional<Planning> load(Workspace workspace, VariableInputs inputs, State state, boolean showWarnings, Optional<String> runId)
    {
        LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs, KilnProviders.recordedValues(state));
        workspace.show(loaded.diagnostics().stream().filter(diagnostic -> showWarnings || diagnostic.isError()).toList(), loaded.sources());
        if (loaded.hasErrors() || loaded.config().isEmpty()) {
            return Optional.empty();
        }
        Config config = loaded.config().get();
        return Optional.of(new Planning(config, loaded.sources(), state, KilnProviders.load(config, workspace.directory(),
                runId.map(run -> workspace.kilnDirectory().resolve("logs").resolve(run)))));
    }

    PlanResult plan(PlanOptions options)
    {
        return Planner.plan(new PlanRequest(config, state, providers.resourceTypes(), options, providers.refresher()));
    }
}
