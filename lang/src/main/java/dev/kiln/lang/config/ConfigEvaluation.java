package dev.kiln.lang.config;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ModelBuilder;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Evaluates a configuration's declarations once its variables have values: local values and
 * resources in dependency order (reporting cycles), then outputs, provider configurations
 * and the {@code kiln} block, and finally the typed model.
 */
final class ConfigEvaluation
{
    private final Declarations declarations;
    private final SortedMap<String, Variable> variables;
    private final ResourceValues resourceValues;
    private final Diagnostics diagnostics;
    private final boolean unknownExpansionAllowed;
    private final Scope scope;
    private final ScopeValues values;
    private final Map<String, List<Reference>> localReferences = new HashMap<>();
    private final List<DecodedInstance> instances = new ArrayList<>();
    /** The value expressions see for each resource instance, by which the model reads node lists. */
    private final Map<ResourceAddress, Value> seenValues = new HashMap<>();
    /** Failed nodes: "var.NAME" for failed variables, then local values and resources that failed or depend on a failure. */
    private final Set<String> failed = new HashSet<>();
    /** Whether an expression evaluated since the last reset referred to something that failed. */
    private boolean referredToFailure;

    private ConfigEvaluation(
            Declarations declarations,
            VariableResolver.Resolution resolution,
            Map<String, Function> functions,
            ResourceValues resourceValues,
            boolean unknownExpansionAllowed,
            Diagnostics diagnostics)
    {
        this.unknownExpansionAllowed = unknownExpansionAllowed;
        this.declarations = declarations;
        this.variables = resolution.variables();
        this.resourceValues = resourceValues;
        this.diagnostics = diagnostics;
        this.scope = Scope.of(variables.keySet(), declarations.locals().keySet(), declarations.resources());
        this.values = new ScopeValues(variables, resolution.failed(), declarations, functions);
        resolution.failed().forEach(name -> failed.add("var." + name));
    }

    static Optional<Config> evaluate(
            Declarations declarations,
            VariableResolver.Resolution variables,
            Map<String, Function> functions,
            ResourceValues resourceValues,
            boolean unknownExpansionAllowed,
            String sourceHash,
            Diagnostics diagnostics)
    {
        return new ConfigEvaluation(declarations, variables, functions, resourceValues, unknownExpansionAllowed, diagnostics).run(sourceHash);
    }

    private Optional<Config> run(String sourceHash)
    {
        Map<String, Set<String>> graph = DependencyGraph.of(declarations, scope);
        for (DependencyOrder.Component component : DependencyOrder.of(graph)) {
            if (component.cyclic()) {
                reportCycle(component.nodes());
            }
            component.nodes().forEach(node -> evaluateTracked(node, graph.getOrDefault(node, Set.of())));
        }
        referredToFailure = false;
        SortedMap<String, Output> outputs = OutputEvaluator.evaluate(declarations.outputs(), evaluator(scope, Iteration.SINGLE), diagnostics);
        referredToFailure = false;
        List<DecodedBlock> providers = declarations.providers().stream()
                .map(provider -> SchemaDecoder.decode(provider.block(), provider.schema(), evaluator(scope, Iteration.SINGLE),
                        provider.schema().attributes().containsKey("alias") ? Set.of() : Set.of("alias"), diagnostics))
                .toList();
        Optional<DecodedBlock> kiln = declarations.kiln()
                .map(block -> SchemaDecoder.decode(block.block(), block.schema(), evaluator(scope, Iteration.SINGLE), Set.of(), diagnostics));
        List<DecodedInstance> sorted = instances.stream().sorted((left, right) -> left.address().compareTo(right.address())).toList();
        boolean settingsDependOnFailure = referredToFailure;
        if (diagnostics.hasErrors()) {
            buildModelOfSoundResources(kiln, providers, sorted, settingsDependOnFailure);
            return Optional.empty();
        }
        Model model = ModelBuilder.build(kiln, providers, sorted, seenValues, diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Config(variables, values.locals(), outputs, model, sorted,
                DependencyGraph.resourceDependencies(declarations, graph), providers, sourceHash));
    }

    /**
     * Evaluates a local or resource, remembering it as failed when it reported an error or
     * depends on something that failed, so the domain rules can still check the rest.
     */
    private void evaluateTracked(String node, Set<String> dependencies)
    {
        long errors = diagnostics.errorCount();
        referredToFailure = false;
        evaluateNode(node);
        if (diagnostics.errorCount() > errors || referredToFailure || dependencies.stream().anyMatch(failed::contains)) {
            failed.add(node);
        }
    }

    /**
     * With errors already reported, the domain rules still run over the resources that
     * evaluated cleanly (and depend only on such), so one run reports every problem; rules
     * are skipped altogether when the kiln or provider blocks themselves are in error, since
     * every cluster's checks depend on them, or refer to something that failed.
     */
    private void buildModelOfSoundResources(Optional<DecodedBlock> kiln, List<DecodedBlock> providers, List<DecodedInstance> sorted, boolean settingsDependOnFailure)
    {
        if (settingsDependOnFailure) {
            return;
        }
        List<SourceRange> settings = new ArrayList<>();
        declarations.kiln().ifPresent(block -> settings.add(block.block().range()));
        declarations.providers().forEach(provider -> settings.add(provider.block().range()));
        boolean settingsInError = diagnostics.toList().stream()
                .filter(Diagnostic::isError)
                .anyMatch(diagnostic -> diagnostic.subject().isPresent() && settings.stream().anyMatch(range -> encloses(range, diagnostic.subject().get())));
        if (settingsInError) {
            return;
        }
        List<DecodedInstance> sound = sorted.stream()
                .filter(instance -> !failed.contains(instance.address().type() + "." + instance.address().name()))
                .toList();
        ModelBuilder.build(kiln, providers, sound, seenValues, diagnostics);
    }

    private static boolean encloses(SourceRange outer, SourceRange inner)
    {
        return outer.filename().equals(inner.filename())
                && outer.start().byteOffset() <= inner.start().byteOffset()
                && inner.end().byteOffset() <= outer.end().byteOffset();
    }

    private void evaluateNode(String node)
    {
        if (node.startsWith("local.")) {
            String name = node.substring("local.".length());
            EvaluatedExpression evaluated = evaluator(scope, Iteration.SINGLE).evaluate(declarations.locals().get(name).expression(), diagnostics);
            localReferences.put(name, evaluated.references());
            values.local(name, evaluated.value());
            return;
        }
        int dot = node.indexOf('.');
        ResourceDeclaration declaration = declarations.resources().get(node.substring(0, dot)).get(node.substring(dot + 1));
        Optional<List<DecodedInstance>> expanded = ResourceExpander.expand(
                declaration,
                (expansion, iteration) -> evaluator(scope.withIteration(expansion), iteration),
                scope,
                declarations.providers().stream().map(ProviderDeclaration::name).toList(),
                unknownExpansionAllowed,
                diagnostics);
        expanded.ifPresent(instances::addAll);
        values.resource(declaration.type(), declaration.name(), expanded.map(list -> resourceValue(declaration, list)).orElse(Value.unknown(Type.DYNAMIC)));
    }

    private Value resourceValue(ResourceDeclaration declaration, List<DecodedInstance> expanded)
    {
        List<Value> instanceValues = expanded.stream()
                .map(instance -> resourceValues.instance(instance.address())
                        .orElseGet(() -> InstanceValues.configured(instance.block(), declaration.schema())))
                .toList();
        for (int index = 0; index < expanded.size(); index++) {
            seenValues.put(expanded.get(index).address(), instanceValues.get(index));
        }
        return switch (declaration.expansion()) {
            case SINGLE -> instanceValues.getFirst();
            case COUNT -> Value.tuple(instanceValues);
            case FOR_EACH -> {
                Map<String, Value> byKey = new TreeMap<>();
                for (int index = 0; index < expanded.size(); index++) {
                    byKey.put(((InstanceKey.Key) expanded.get(index).address().key()).value(), instanceValues.get(index));
                }
                yield Value.object(byKey);
            }
        };
    }

    /** Evaluates after checking every reference statically; an expression with an invalid reference is unknown. */
    private ExpressionEvaluator evaluator(Scope expressionScope, Iteration iteration)
    {
        return (expression, sink) -> {
            Diagnostics checks = new Diagnostics();
            Set<Reference> references = new LinkedHashSet<>();
            boolean dependsOnFailure = false;
            List<StaticReference> found = ReferenceFinder.find(expression);
            for (StaticReference reference : found) {
                Optional<Dependency> dependency = ReferenceChecker.check(reference, expressionScope, checks);
                if (dependency.isEmpty()) {
                    continue;
                }
                dependsOnFailure |= !failed.isEmpty() && failed.contains(node(dependency.get()));
                switch (dependency.get()) {
                    case Dependency.OnVariable ignored -> {}
                    case Dependency.OnLocal local -> references.addAll(localReferences.getOrDefault(local.name(), List.of()));
                    case Dependency.OnResource resource -> references.add(resource.reference());
                }
            }
            sink.addAll(checks.toList());
            referredToFailure |= dependsOnFailure;
            Value value = checks.hasErrors()
                    ? Value.unknown(Type.DYNAMIC)
                    : Evaluator.evaluate(expression, values.context(found, iteration), sink);
            return new EvaluatedExpression(value, List.copyOf(references), dependsOnFailure);
        };
    }

    /** The name of what a dependency refers to, as in {@link #failed}. */
    private static String node(Dependency dependency)
    {
        return switch (dependency) {
            case Dependency.OnVariable variable -> "var." + variable.name();
            case Dependency.OnLocal local -> "local." + local.name();
            case Dependency.OnResource resource -> resource.reference().target().withoutKey().toString();
        };
    }

    private void reportCycle(List<String> nodes)
    {
        boolean onlyLocals = nodes.stream().allMatch(node -> node.startsWith("local."));
        String names = String.join(", ", nodes);
        diagnostics.add(onlyLocals
                ? Diagnostic.error("Cycle in local values",
                        "The local values " + names + " refer to each other in a cycle, so none of them can be evaluated. "
                                + "Break the cycle by removing one of the references.",
                        range(nodes.getFirst()))
                : Diagnostic.error("Cycle in resource dependencies",
                        "The objects " + names + " depend on each other in a cycle, through references or depends_on, so none of them "
                                + "can be created before the others. Break the cycle by removing one of the references.",
                        range(nodes.stream().filter(node -> !node.startsWith("local.")).findFirst().orElseThrow())));
    }

    private SourceRange range(String node)
    {
        if (node.startsWith("local.")) {
            return declarations.locals().get(node.substring("local.".length())).nameRange();
        }
        int dot = node.indexOf('.');
        return declarations.resources().get(node.substring(0, dot)).get(node.substring(dot + 1)).block().headerRange();
    }
}
