package dev.kiln.providers.capi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading the fields of objects of any kind: nested values by path, status conditions. */
final class ObjectFields
{
    private ObjectFields() {}

    /** A status condition: v1beta1's and v1beta2's (metav1.Condition) share these fields. */
    record Condition(String type, String status, String reason, String message)
    {
        boolean isTrue()
        {
            return status.equals("True");
        }

        /** {@code ControlPlaneInitialized False (WaitingForControlPlane)}. */
        String describe()
        {
            return type + " " + status + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    static Optional<Object> value(GenericKubernetesResource object, String... path)
    {
        Object current = object.getAdditionalProperties();
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> text(GenericKubernetesResource object, String... path)
    {
        return value(object, path).filter(String.class::isInstance).map(String.class::cast);
    }

    static Optional<Integer> integer(GenericKubernetesResource object, String... path)
    {
        return value(object, path).filter(Number.class::isInstance).map(number -> ((Number) number).intValue());
    }

    static Optional<Long> wholeNumber(GenericKubernetesResource object, String... path)
    {
        return value(object, path).filter(Number.class::isInstance).map(number -> ((Number) number).longValue());
    }

    static boolean flag(GenericKubernetesResource object, String... path)
    {
        return value(object, path).map(Boolean.TRUE::equals).orElse(false);
    }

    static List<?> list(GenericKubernetesResource object, String... path)
    {
        return value(object, path).filter(List.class::isInstance).map(List.class::cast).orElse(List.of());
    }

    /** {@code status.conditions}, in the object's order. */
    static List<Condition> conditions(GenericKubernetesResource object)
    {
        List<Condition> conditions = new ArrayList<>();
        for (Object entry : list(object, "status", "conditions")) {
            if (entry instanceof Map<?, ?> map && map.get("type") instanceof String type) {
                conditions.add(new Condition(type, string(map.get("status")), string(map.get("reason")), string(map.get("message"))));
            }
        }
        return List.copyOf(conditions);
    }

    static Optional<Condition> condition(GenericKubernetesResource object, String type)
    {
        return conditions(object).stream().filter(condition -> condition.type().equals(type)).findFirst();
    }

    static boolean conditionTrue(GenericKubernetesResource object, String type)
    {
        return condition(object, type).map(Condition::isTrue).orElse(false);
    }

    /** The conditions that are not True, as "Type Status (Reason)", or "no conditions". */
    static String describe(List<Condition> conditions)
    {
        List<Condition> notTrue = conditions.stream().filter(condition -> !condition.isTrue()).toList();
        if (conditions.isEmpty()) {
            return "no conditions yet";
        }
        if (notTrue.isEmpty()) {
            return "all conditions True";
        }
        return notTrue.stream().map(Condition::describe).collect(Collectors.joining(", "));
    }

    /** Whether the controller has seen the latest spec: status.observedGeneration ≥ metadata.generation. */
    static boolean observed(GenericKubernetesResource object)
    {
        Long generation = object.getMetadata().getGeneration();
        return generation == null || wholeNumber(object, "status", "observedGeneration").map(seen -> seen >= generation).orElse(false);
    }

    private static String string(Object value)
    {
        return value == null ? "" : value.toString();
    }
}
