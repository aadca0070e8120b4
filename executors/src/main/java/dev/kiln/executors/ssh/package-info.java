/**
 * The SSH transport (sshj): {@link dev.kiln.executors.ssh.SshHosts} keeps one authenticated
 * connection per host for a run and hands out {@link dev.kiln.executors.ssh.SshSession}s that
 * run commands (optionally through sudo), upload files over SFTP (temporary name, then rename;
 * skipped when the remote SHA-256 already matches) and stream remote files back. Hosts are
 * described by {@link dev.kiln.executors.ssh.SshHostConfig} (built from a node's {@code ssh}
 * block by {@link dev.kiln.executors.ssh.NodeSshConfigs}); host keys are always verified
 * ({@link dev.kiln.executors.ssh.HostKeyPolicy}). Every command's output goes line by line to
 * {@code .kiln/logs/<run>/<host>.log}; failures are {@link dev.kiln.executors.ssh.HostException}s
 * that name the host and the step, with every known secret masked.
 */
package dev.kiln.executors.ssh;
