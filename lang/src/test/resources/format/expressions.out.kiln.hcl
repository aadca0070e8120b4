# Every kind of expression, written carelessly.
numbers  = [3.14, 1e3, 2.5E-2, 0, -7]
literals = { yes = true, no = false, nothing = null }
object = {
  a    = 1, b : 2
  "c"  = 3
  (d)  = 4
  true = 6
  p    = x ?
  1 : 2
}
keys        = { "${a}" = 1, (b.c) = 2 }
legacy      = node.w.0.address
splat_full  = node.w[*].labels["zone"]
splat_attr  = node.w.*.address
index       = var.map[local.key][0]
call_chain  = lookup(var.m, "k", "d").value
expand      = concat(local.lists...)
nested_call = format("%s-%d", upper(var.name), count.index + 1)
conditional = var.a ? var.b : var.c ? var.d : var.e
precedence  = 1 + 2 * 3 - 4 / 2 % 3 < 5 == !true && a || b
grouped     = { for k, v in var.nodes : v.zone => k... if k != "x" }
tuple_for   = [for i, n in var.nodes : "${i}:${n}"]
if          = 1
in          = 2
null_key    = null
