/**
 * The state in S3 or an S3-compatible store: {@link dev.kiln.state.backend.s3.S3Backend}, its
 * options, the lease lock object, the history copies and the conditional-write probe.
 */
package dev.kiln.state.backend.s3;
