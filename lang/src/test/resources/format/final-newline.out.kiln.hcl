cluster "a" {
  x = 1
}
