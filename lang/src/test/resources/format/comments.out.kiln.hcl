# File header comment.
// Another style of comment.
cluster "prod" {
  # leading comment inside a block
  kubernetes_version = "v1.29.1" # trailing comment
  /* a block comment
     keeps its own lines
  exactly */
  nodes = [node.m1 /* inline */, node.m2]
  // indented too far
}
