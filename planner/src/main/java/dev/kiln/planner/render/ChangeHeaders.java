package dev.kiln.planner.render;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Optional;

/** The words after the address in a change's header comment, and the reason line below it. */
final class ChangeHeaders
{
    private ChangeHeaders() {}

    /** {@code will be created}, {@code will be updated in-place}, {@code must be replaced}, ... */
    static String header(ResourceChange change)
    {
        if (change.forbiddenReason().isPresent()) {
            String verb = switch (change.action()) {
                case CREATE -> "created";
                case DELETE -> "destroyed";
                case UPDATE, REPLACE, NO_OP -> "changed";
            };
            return "cannot be " + verb + ": " + change.forbiddenReason().get();
        }
        return switch (change.action()) {
            case CREATE -> "will be created";
            case UPDATE -> "will be updated in-place";
            case DELETE -> "will be destroyed";
            case NO_OP -> "will not change";
            case REPLACE -> switch (change.actionReason().orElse(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE)) {
                case REPLACE_BECAUSE_TAINTED -> "is tainted, so must be replaced";
                case REPLACE_BY_REQUEST -> "will be replaced, as requested";
                case REPLACE_BECAUSE_PARENT_REPLACED -> "must be replaced (its " + change.address().parent().map(ResourceAddress::type).orElse("parent") + " is replaced)";
                case REPLACE_BECAUSE_CANNOT_UPDATE, DELETE_BECAUSE_NO_RESOURCE_CONFIG, DELETE_BECAUSE_COUNT_INDEX, DELETE_BECAUSE_EACH_KEY -> "must be replaced";
            };
        };
    }

    /** {@code (because index [2] is out of range for count)} and the like, for deletions. */
    static Optional<String> because(ResourceChange change)
    {
        return change.actionReason().flatMap(reason -> switch (reason) {
            case DELETE_BECAUSE_COUNT_INDEX -> Optional.of("(because index " + change.index() + " is out of range for count)");
            case DELETE_BECAUSE_EACH_KEY -> Optional.of("(because key " + change.index() + " is not in for_each map)");
            case DELETE_BECAUSE_NO_RESOURCE_CONFIG -> Optional.of("(because " + change.address() + " is not in configuration)");
            case REPLACE_BECAUSE_TAINTED, REPLACE_BY_REQUEST, REPLACE_BECAUSE_CANNOT_UPDATE, REPLACE_BECAUSE_PARENT_REPLACED -> Optional.empty();
        });
    }
}
