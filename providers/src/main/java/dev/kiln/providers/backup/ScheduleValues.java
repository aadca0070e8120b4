package dev.kiln.providers.backup;

import dev.kiln.lang.value.Value;

import java.util.Map;
import java.util.TreeMap;

/** The parts of a scheduled-backup instance's value its drivers read, and the value they record. */
final class ScheduleValues
{
    private ScheduleValues() {}

    /**
     * The value to record: the planned one, with any part still unknown (a point created in
     * the same run, whose location was unknown when planned) recorded as null.
     */
    static Value known(Value planned)
    {
        return switch (planned) {
            case Value.Unknown unknown -> Value.nullOf(unknown.type()).withSensitive(unknown.sensitive());
            case Value.ObjectValue object -> {
                Map<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, value) -> attributes.put(name, known(value)));
                yield new Value.ObjectValue(new TreeMap<>(attributes), object.sensitive());
            }
            case Value.MapValue map -> {
                Map<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, value) -> entries.put(key, known(value)));
                yield new Value.MapValue(map.elementType(), new TreeMap<>(entries), map.sensitive());
            }
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(ScheduleValues::known).toList(), list.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(ScheduleValues::known).toList(), set.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(ScheduleValues::known).toList(), tuple.sensitive());
            case Value.StringValue string -> string;
            case Value.NumberValue number -> number;
            case Value.BoolValue bool -> bool;
            case Value.Null nullValue -> nullValue;
        };
    }

    /** The point's location ({@code s3://bucket/prefix}), or its address-free description when not known. */
    static String pointLocation(Value value)
    {
        return value.asMapping().map(attributes -> attributes.get("point"))
                .flatMap(point -> ScheduledBackupRule.text(point, "location"))
                .orElse("the cluster's backup point");
    }
}
