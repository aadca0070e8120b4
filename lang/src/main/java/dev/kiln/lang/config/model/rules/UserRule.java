package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code user "name" {...}} blocks become the {@code users} of Cluster API's kubeadm
 * bootstrap config, which cloud-init or ignition create on each machine: they need a Cluster
 * API cluster bootstrapped by kubeadm, a name {@code useradd} accepts, absolute paths, a
 * password already hashed (it is written to {@code /etc/shadow} as given), and fit Cluster
 * API's limits. Names are unique per group (the decoder reports duplicate labels).
 */
final class UserRule
        implements ClusterRule
{
    static final int MAXIMUM_USERS = 100;
    static final int MAXIMUM_KEYS = 100;
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,30}\\$?");
    private static final Pattern HASHED_PASSWORD = Pattern.compile("\\$[0-9a-z]+\\$.+|!.*|\\*");

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        check(cluster, "control_plane", cluster.controlPlane().users(), cluster.hasManagedControlPlane(), diagnostics);
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            check(cluster, "worker_pool \"" + pool.name() + "\"", pool.users(), cluster.hasManagedControlPlane(), diagnostics);
        }
    }

    private static void check(Cluster cluster, String group, List<Cluster.User> users, boolean managed, Diagnostics diagnostics)
    {
        if (users.isEmpty()) {
            return;
        }
        if (cluster.providerType() == ProviderType.KUBEADM || managed) {
            diagnostics.add(Diagnostic.error(
                    "Users need Cluster API's kubeadm bootstrap",
                    "The " + group + " block declares users, which Cluster API's kubeadm bootstrap creates on the machines it makes; "
                            + cluster.address() + (managed ? " runs on EKS, whose machines are bootstrapped by EKS, not kubeadm." : " uses the kubeadm provider, which installs on nodes you manage.")
                            + " Remove the user blocks, or create the users with your machine image.",
                    users.getFirst().nameRange()));
            return;
        }
        if (users.size() > MAXIMUM_USERS) {
            diagnostics.add(Diagnostic.error(
                    "Too many users",
                    "The " + group + " block declares " + users.size() + " users; Cluster API takes at most " + MAXIMUM_USERS + " per bootstrap config.",
                    users.get(MAXIMUM_USERS).nameRange()));
        }
        users.forEach(user -> check(user, cluster, diagnostics));
    }

    private static void check(Cluster.User user, Cluster cluster, Diagnostics diagnostics)
    {
        if (!NAME.matcher(user.name()).matches()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid user name",
                    "\"" + user.name() + "\" is not a user name the machines accept: up to 32 lowercase letters, digits, '_' or '-', starting with a letter "
                            + "or '_', such as \"ops\" or \"deploy_bot\".",
                    user.nameRange()));
        }
        absolutePath("shell", user.shell(), "\"/bin/bash\"", diagnostics);
        absolutePath("home_dir", user.homeDirectory(), "\"/home/" + user.name() + "\"", diagnostics);
        user.password().ifPresent(password -> password.known().filter(text -> !HASHED_PASSWORD.matcher(text).matches()).ifPresent(text -> diagnostics.add(Diagnostic.error(
                "Password not hashed",
                "passwd is written to the machines' /etc/shadow as given, so it must be a crypt(3) hash such as \"$6$SALT$HASH\" (mkpasswd -m sha-512); "
                        + "the value given is not one (it is not shown). Hash the password, or remove passwd and log in with ssh_authorized_keys.",
                password.range()))));
        boolean locked = user.lockPassword().map(lock -> lock.known().orElse(false)).orElse(true);
        if (user.password().isPresent() && locked && cluster.kubeadmConfigFormat().known().filter("cloud-init"::equals).isPresent()) {
            diagnostics.add(Diagnostic.warning(
                    "Password login locked",
                    "The user \"" + user.name() + "\" has a passwd, but cloud-init locks passwords unless lock_password is false, so the password "
                            + "cannot be used to log in. Set lock_password = false to allow it.",
                    user.lockPassword().map(Setting::range).orElse(user.password().get().range())));
        }
        user.sshAuthorizedKeys().known().filter(keys -> keys.size() > MAXIMUM_KEYS).ifPresent(keys -> diagnostics.add(Diagnostic.error(
                "Too many SSH keys",
                "The user \"" + user.name() + "\" has " + keys.size() + " ssh_authorized_keys; Cluster API takes at most " + MAXIMUM_KEYS + ".",
                user.sshAuthorizedKeys().range())));
        nonEmpty("gecos", user.gecos(), diagnostics);
        nonEmpty("sudo", user.sudo(), diagnostics);
        nonEmpty("passwd", user.password(), diagnostics);
        user.groups().known().filter(groups -> groups.stream().anyMatch(String::isBlank)).ifPresent(groups -> emptyValue("groups", user.groups(), diagnostics));
        user.sshAuthorizedKeys().known().filter(keys -> keys.stream().anyMatch(String::isBlank))
                .ifPresent(keys -> emptyValue("ssh_authorized_keys", user.sshAuthorizedKeys(), diagnostics));
    }

    private static void absolutePath(String name, Optional<Setting<String>> setting, String example, Diagnostics diagnostics)
    {
        setting.ifPresent(path -> path.known().filter(text -> !text.startsWith("/")).ifPresent(text -> diagnostics.add(Diagnostic.error(
                "Relative path",
                name + " is an absolute path on the machines, such as " + example + ", not \"" + path.shown(text) + "\".",
                path.range()))));
    }

    private static void nonEmpty(String name, Optional<Setting<String>> setting, Diagnostics diagnostics)
    {
        setting.filter(value -> value.known().filter(String::isBlank).isPresent()).ifPresent(value -> emptyValue(name, value, diagnostics));
    }

    private static void emptyValue(String name, Setting<?> setting, Diagnostics diagnostics)
    {
        diagnostics.add(Diagnostic.error(
                "Empty value",
                name + " holds an empty string, which Cluster API rejects. Remove the argument (or the empty element), or give it a value.",
                setting.range()));
    }
}
