package dev.kiln.lang.config;

/** How a resource block becomes instances, and which iteration object its body may use. */
enum Expansion
{
    /** One instance without key; neither {@code count} nor {@code each} is available. */
    SINGLE,
    /** {@code count}: instances keyed by index; {@code count.index} is available. */
    COUNT,
    /** {@code for_each}: instances keyed by string; {@code each.key} and {@code each.value} are available. */
    FOR_EACH,
}
