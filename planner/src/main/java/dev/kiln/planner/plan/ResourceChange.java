package dev.kiln.planner.plan;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.state.AttributePath;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The planned change of one resource instance. {@code before} is the recorded (refreshed)
 * value, {@code after} the planned one; each is empty when the instance does not exist on
 * that side. Unknown parts of {@code after} are known after apply; sensitive parts carry
 * the sensitive mark and are never rendered. {@code replacePaths} name the attributes that
 * force a replacement; {@code steps} are what the change will do, in order;
 * {@code forbiddenReason} is set when the resource type refuses the change (the plan then
 * fails).
 */
public record ResourceChange(
        ResourceAddress address,
        String provider,
        Action action,
        Optional<ActionReason> actionReason,
        Optional<Value> before,
        Optional<Value> after,
        List<AttributePath> replacePaths,
        List<String> steps,
        Optional<String> forbiddenReason)
{
    public ResourceChange
    {
        requireNonNull(address, "address is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(action, "action is null");
        requireNonNull(actionReason, "actionReason is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        replacePaths = replacePaths.stream().distinct().sorted().toList();
        steps = List.copyOf(steps);
        requireNonNull(forbiddenReason, "forbiddenReason is null");
    }

    public String type()
    {
        return address.type();
    }

    public String name()
    {
        return address.name();
    }

    public InstanceKey index()
    {
        return address.key();
    }

    /**
     * The label of the block the instance is written as: its name ({@code cluster "demo"}), or
     * for a child instance its key ({@code worker_pool "default"} for
     * {@code cluster.demo.pool["default"]}).
     */
    public String blockLabel()
    {
        return address.blockLabel();
    }

    public boolean isForbidden()
    {
        return forbiddenReason.isPresent();
    }
}
