a = [ 1,2 ,3 ]
b = length( var.nodes )
c = concat( [ "a" ] , [ "b" ] )
d = var.nodes[ 0 ].address
e = node.w[*].address
f = node.w.*.address
g = max(var.sizes ...)
h = [ [ ] ]
i = ["hello"] [0]
j = foo( ) [ 1 ]
k = { for name , n in var.nodes : name => n.address }
l = [ for n in var.nodes : n.address if n.enabled ]
m = { for n in var.nodes : n.zone => n.name ... }
n = [for x in [1, 2]: x]
o = local.m["key"]
p = "abc"[0]
