a = 1 + 2 * 3
b = (1 + 2) * 3
c = -1
d = a - 1
e = a - -1
f = a * -2
g = !var.enabled
h = a && !b || c
i = a == b ? "yes" : "no"
j = a >= 1 && b <= 2 && c != 3 && d < 4 && e > 5
k = 10 % 3 / 2
l = (-2 + 1)
m = var.count > 0 ? var.count : 1
