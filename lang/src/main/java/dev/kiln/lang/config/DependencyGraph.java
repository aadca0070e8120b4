package dev.kiln.lang.config;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependencies between local values ({@code local.name}) and resources
 * ({@code type.name}) through references and {@code depends_on}, for evaluation order and
 * cycle detection. Invalid references are reported where they are evaluated, not here.
 */
final class DependencyGraph
{
    private DependencyGraph() {}

    static Map<String, Set<String>> of(Declarations declarations, Scope scope)
    {
        Map<String, Set<String>> graph = new TreeMap<>();
        declarations.locals().forEach((name, attribute) ->
                graph.put("local." + name, targets(List.of(attribute.expression()), scope)));
        for (ResourceDeclaration resource : declarations.allResources()) {
            List<Expression> outer = new ArrayList<>();
            resource.metaArgument(ResourceDeclaration.COUNT).ifPresent(attribute -> outer.add(attribute.expression()));
            resource.metaArgument(ResourceDeclaration.FOR_EACH).ifPresent(attribute -> outer.add(attribute.expression()));
            Set<String> targets = targets(outer, scope);
            List<Expression> body = new ArrayList<>();
            collect(resource.block().body(), true, body);
            targets.addAll(targets(body, scope.withIteration(resource.expansion())));
            resource.metaArgument(ResourceDeclaration.DEPENDS_ON).ifPresent(attribute ->
                    DependsOn.resolve(attribute, scope, new Diagnostics()).forEach(address -> targets.add(address.withoutKey().toString())));
            graph.put(resource.address().toString(), targets);
        }
        return graph;
    }

    private static Set<String> targets(List<Expression> expressions, Scope scope)
    {
        Set<String> targets = new TreeSet<>();
        Diagnostics ignored = new Diagnostics();
        for (Expression expression : expressions) {
            for (StaticReference reference : ReferenceFinder.find(expression)) {
                ReferenceChecker.check(reference, scope, ignored).ifPresent(dependency -> {
                    switch (dependency) {
                        case Dependency.OnVariable variable -> {}
                        case Dependency.OnLocal local -> targets.add("local." + local.name());
                        case Dependency.OnResource resource -> targets.add(resource.reference().target().withoutKey().toString());
                    }
                });
            }
        }
        return targets;
    }

    /**
     * For every resource, the resources it depends on: directly, through local values, in
     * {@code count}/{@code for_each}, or by {@code depends_on}; by address without key.
     */
    static SortedMap<ResourceAddress, SortedSet<ResourceAddress>> resourceDependencies(Declarations declarations, Map<String, Set<String>> graph)
    {
        SortedMap<ResourceAddress, SortedSet<ResourceAddress>> dependencies = new TreeMap<>();
        for (ResourceDeclaration resource : declarations.allResources()) {
            SortedSet<ResourceAddress> targets = new TreeSet<>();
            collectResources(graph.getOrDefault(resource.address().toString(), Set.of()), declarations, graph, new HashSet<>(), targets);
            dependencies.put(resource.address(), targets);
        }
        return dependencies;
    }

    private static void collectResources(Set<String> nodes, Declarations declarations, Map<String, Set<String>> graph, Set<String> visited, SortedSet<ResourceAddress> targets)
    {
        for (String node : nodes) {
            if (!visited.add(node)) {
                continue;
            }
            if (node.startsWith("local.")) {
                collectResources(graph.getOrDefault(node, Set.of()), declarations, graph, visited, targets);
            }
            else {
                int dot = node.indexOf('.');
                targets.add(ResourceAddress.of(node.substring(0, dot), node.substring(dot + 1)));
            }
        }
    }

    /** Every expression of a body, nested blocks included; meta-arguments left out at the top level. */
    private static void collect(Body body, boolean topLevel, List<Expression> expressions)
    {
        for (Attribute attribute : body.attributes()) {
            if (!topLevel || !ResourceDeclaration.META_ARGUMENTS.contains(attribute.name())) {
                expressions.add(attribute.expression());
            }
        }
        for (Block block : body.blocks()) {
            collect(block.body(), false, expressions);
        }
    }
}
