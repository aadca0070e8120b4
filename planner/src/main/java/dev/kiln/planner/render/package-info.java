/**
 * Renderings of plans, separate from computing them: text as Terraform users expect it,
 * JSON in Terraform's plan format, Markdown for pull-request comments, DOT for graphs.
 * Sensitive values are never rendered; color goes through {@link dev.kiln.planner.render.Style}.
 */
package dev.kiln.planner.render;
