package dev.kiln.planner.spi;

/**
 * Reads the real object behind a recorded resource instance, so a plan starts from the world
 * as it is. The planner calls it for every recorded instance when refresh is on, and for
 * instances that need reconciliation always; it marks the parts of the answer that were
 * recorded sensitive again, so a refresher need not carry the request's marks over.
 */
@FunctionalInterface
public interface Refresher
{
    /** A refresher for plans made without refresh: every object is as recorded. */
    Refresher NONE = request -> RefreshResponse.observed(request.prior());

    RefreshResponse read(RefreshRequest request);
}
