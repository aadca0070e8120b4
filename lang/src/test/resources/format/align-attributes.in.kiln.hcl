node "m1" {
address = "10.0.0.11"
role = "control-plane"
ssh_port = 22

user = "root"
private_key_path = "~/.ssh/id_ed25519"
labels {
zone = "a"
}
after_block = true
x = 1
# a whole-line comment ends the run
longer_name = 2
y = 3
list = [
1,
]
z = 4
object = { a = 1 }
zz = 5
}
