locals {
  sizes = {
    small = 1
    medium_large = 2
    "quoted key" = 3

    xl = 4
  }
  mixed = {
    a: 1
    bbb: 2
  }
}
