/**
 * HCL native syntax (hashicorp/hcl {@code hclsyntax/spec.md}) for Kiln: {@link dev.kiln.lang.syntax.Parser}
 * turns a file, an expression or a standalone template into the {@code dev.kiln.lang.ast} tree plus
 * diagnostics, and {@link dev.kiln.lang.syntax.Tokens} gives tools a lossless token view.
 *
 * <p>One parse runs: the generated ANTLR lexer (modes for quoted strings, heredocs and standalone
 * templates; interpolations and directives nest); lexical checks (invalid characters, unterminated
 * comments); {@code NewlineFilter}, which hides the newlines HCL ignores (inside brackets,
 * interpolations and {@code for} expressions, and inside objects where an item obviously continues);
 * the generated parser with SLL prediction, retried with full LL and {@code SyntaxErrorStrategy} only
 * when SLL fails; and {@code AstBuilder} with {@code TermBuilder} and {@code TemplateBuilder}. The
 * generated classes live in {@code dev.kiln.lang.syntax.antlr} and never appear in this package's
 * public API.
 */
package dev.kiln.lang.syntax;
