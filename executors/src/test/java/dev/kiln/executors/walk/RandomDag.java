package dev.kiln.executors.walk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random acyclic dependency relation over ids {@code 0..size-1} from a fixed seed. Ids are a
 * shuffle of a topological order, so id order and dependency order disagree often.
 */
record RandomDag(List<Set<Integer>> dependencies)
{
    static RandomDag generate(int size, int maxDependencies, long seed)
    {
        Random random = new Random(seed);
        List<Integer> idAtPosition = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            idAtPosition.add(id);
        }
        Collections.shuffle(idAtPosition, random);
        List<Set<Integer>> dependencies = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            dependencies.add(new TreeSet<>());
        }
        for (int position = 1; position < size; position++) {
            int count = random.nextInt(maxDependencies + 1);
            for (int edge = 0; edge < count; edge++) {
                int earlier = Math.max(0, position - 1 - random.nextInt(Math.min(position, 40)));
                dependencies.get(idAtPosition.get(position)).add(idAtPosition.get(earlier));
            }
        }
        return new RandomDag(dependencies.stream().map(Set::copyOf).toList());
    }

    int size()
    {
        return dependencies.size();
    }

    Set<Integer> dependsOn(int id)
    {
        return dependencies.get(id);
    }

    /** Every item {@code id} depends on, directly or not. */
    Set<Integer> ancestors(int id)
    {
        Set<Integer> ancestors = new TreeSet<>();
        List<Integer> pending = new ArrayList<>(dependencies.get(id));
        while (!pending.isEmpty()) {
            int next = pending.removeLast();
            if (ancestors.add(next)) {
                pending.addAll(dependencies.get(next));
            }
        }
        return ancestors;
    }
}
