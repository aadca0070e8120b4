package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

/** An attribute or a block. */
public sealed interface BodyItem
        permits Attribute, Block
{
    SourceRange range();
}
