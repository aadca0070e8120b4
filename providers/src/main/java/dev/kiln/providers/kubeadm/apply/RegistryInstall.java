package dev.kiln.providers.kubeadm.apply;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.render.RegistryConfig;
import dev.kiln.providers.kubeadm.spec.RegistrySpec;
import dev.kiln.providers.kubeadm.steps.RemoteFiles;
import dev.kiln.providers.kubeadm.steps.Step;
import dev.kiln.providers.kubeadm.version.Bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A managed registry on its node: the binary from the offline bundle's {@code registry/registry}
 * (installed as {@value #BUNDLE_BINARY} with Kiln's own {@code docker-registry} unit) when the
 * bundle has one, else Debian's {@code docker-registry} package; its configuration, its storage
 * directory (owned by the service's user), the service enabled and started. Done only when
 * the files are the rendered ones, systemd reports the service active and the registry answers
 * {@code GET http://<node>:<port>/v2/} from the node itself.
 */
final class RegistryInstall
        implements Step
{
    static final String SERVICE = "docker-registry";
    static final String BUNDLE_BINARY = "/usr/local/bin/registry";
    static final String BUNDLE_UNIT = "/etc/systemd/system/" + SERVICE + ".service";
    /** How long the registry may take to answer after it was started: 50 probes, 0.2 s apart. */
    private static final int READY_PROBES = 50;

    private final RegistrySpec.Managed managed;
    private final Optional<Path> bundleBinary;

    RegistryInstall(RegistrySpec.Managed managed, Optional<Bundle> bundle)
    {
        this.managed = managed;
        this.bundleBinary = bundle.flatMap(found -> found.file("registry/registry"));
    }

    @Override
    public String title()
    {
        return "run the image registry on port " + managed.port();
    }

    @Override
    public boolean done(Remote host)
    {
        return RemoteFiles.same(host, title(), files())
                && bundleBinary.map(binary -> sha256(binary).equals(remoteDigest(host, BUNDLE_BINARY))).orElse(true)
                && host.run(title(), "test -d " + Shell.quote(managed.storageDirectory())).succeeded()
                && host.run(title(), "systemctl is-active " + SERVICE).output().trim().equals("active")
                && host.run(title(), probe()).succeeded();
    }

    @Override
    public void act(Remote host)
    {
        if (bundleBinary.isPresent()) {
            host.upload(title(), bundleBinary.get(), BUNDLE_BINARY, 0755);
            host.write(title(), unit(), BUNDLE_UNIT, 0644);
            host.output(title(), "systemctl daemon-reload");
        }
        else if (!host.run(title(), "command -v " + SERVICE + " >/dev/null 2>&1 && systemctl cat " + SERVICE + " >/dev/null 2>&1").succeeded()) {
            host.output(title(), "DEBIAN_FRONTEND=noninteractive apt-get install -y " + SERVICE);
        }
        String storage = Shell.quote(managed.storageDirectory());
        host.output(title(), "mkdir -p " + storage);
        // Debian's unit runs the registry as its own user, who must be able to write the images.
        host.output(title(), "user=$(systemctl cat " + SERVICE + " | sed -n 's/^User=//p' | tail -n 1); "
                + "if [ -n \"$user\" ]; then chown \"$user\": " + storage + "; fi");
        host.write(title(), RegistryConfig.render(managed), RegistryConfig.PATH, 0644);
        host.output(title(), "systemctl enable " + SERVICE + " && systemctl restart " + SERVICE);
    }

    /** The registry answers a moment after it starts: probe it for up to 10 s before judging. */
    @Override
    public void verify(Remote host)
    {
        host.run(title(), "for attempt in $(seq 1 " + READY_PROBES + "); do " + probe() + " && exit 0; sleep 0.2; done; exit 1");
        if (!done(host)) {
            throw new StepFailedException(host.host(), title(), "the step's commands finished, but " + missing());
        }
    }

    @Override
    public String missing()
    {
        return SERVICE + " is not active with the rendered configuration and storage directory, or does not answer " + url();
    }

    /** The registry's API root as the node reaches it. */
    String url()
    {
        return "http://" + managed.node().address() + ":" + managed.port() + "/v2/";
    }

    private String probe()
    {
        String url = Shell.quote(url());
        return "if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null --max-time 2 " + url + "; "
                + "else wget -q -O /dev/null -T 2 " + url + "; fi";
    }

    private Map<String, String> files()
    {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RegistryConfig.PATH, RegistryConfig.render(managed));
        if (bundleBinary.isPresent()) {
            files.put(BUNDLE_UNIT, unit());
        }
        return files;
    }

    private static String unit()
    {
        return """
                # Written by Kiln; changes are overwritten.
                [Unit]
                Description=Image registry (from Kiln's offline bundle)
                After=network.target

                [Service]
                ExecStart=%s serve %s
                Restart=on-failure

                [Install]
                WantedBy=multi-user.target
                """.formatted(BUNDLE_BINARY, RegistryConfig.PATH);
    }

    private static String remoteDigest(Remote host, String path)
    {
        String output = host.run("check " + path, "sha256sum " + Shell.quote(path) + " 2>/dev/null").output().trim();
        int space = output.indexOf(' ');
        return space < 0 ? "" : output.substring(0, space);
    }

    private static String sha256(Path file)
    {
        try (InputStream input = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = input.read(buffer); read > 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
