package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostics;

/** One domain rule: checks the known values of the model and reports what it finds. Unknown values are skipped. */
interface ModelRule
{
    void check(Model model, Diagnostics diagnostics);
}
