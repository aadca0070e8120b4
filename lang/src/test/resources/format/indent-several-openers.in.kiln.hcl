locals {
pools = [{
name = "a"
size = 3
}, {
name = "b"
size = 5
}]
nested = [[
1,
[
2
]
]]
}
