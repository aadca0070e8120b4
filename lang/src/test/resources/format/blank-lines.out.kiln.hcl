# leading blank lines go
cluster "a" {
  x = 1



  y = 2

  z = 3
}


cluster "b" {}
