/**
 * Blob stores: named, streamed, whole-or-nothing blobs in a directory
 * ({@link dev.kiln.state.blob.FileSystemBlobStore}) or an S3 bucket
 * ({@link dev.kiln.state.blob.S3BlobStore}), behind one small interface
 * ({@link dev.kiln.state.blob.BlobStore}). Backup points keep etcd snapshots in them.
 */
package dev.kiln.state.blob;
