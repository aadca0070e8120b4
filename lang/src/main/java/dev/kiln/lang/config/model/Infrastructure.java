package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * {@code infrastructure "KIND" {...}}: a Cluster API infrastructure provider preset
 * (docker, vsphere, openstack, aws, byoh) or a generic one ({@code api_version}, {@code kind},
 * {@code spec}). {@code arguments} holds the kind's string arguments by name (vsphere's
 * {@code password} and openstack's {@code clouds_yaml} are sensitive); {@code spec} the
 * extra fields as written.
 */
public record Infrastructure(
        String kind,
        SourceRange kindRange,
        SortedMap<String, Setting<String>> arguments,
        Optional<Setting<Value>> spec,
        SourceRange range)
{
    public static final List<String> KINDS = InfrastructureSchema.KINDS;

    public Infrastructure
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(kindRange, "kindRange is null");
        arguments = Collections.unmodifiableSortedMap(new TreeMap<>(arguments));
        requireNonNull(spec, "spec is null");
        requireNonNull(range, "range is null");
    }

    public Optional<Setting<String>> argument(String name)
    {
        return Optional.ofNullable(arguments.get(name));
    }
}
