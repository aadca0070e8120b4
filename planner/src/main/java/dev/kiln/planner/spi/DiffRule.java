package dev.kiln.planner.spi;

/**
 * Decides how a resource instance changes: from its recorded value (refreshed when refresh is
 * on) to the configured one. Answers with a {@link DiffResponse}; problems a user can fix,
 * and the reasons a change is forbidden, travel in the response, never as exceptions.
 */
@FunctionalInterface
public interface DiffRule
{
    DiffResponse diff(DiffRequest request);
}
