package dev.kiln.executors.ssh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test hosts' users, added to each host's own copy of /etc/passwd, shadow and group (the
 * machine's files are never changed): root logs in by key only; {@value #USER} logs in by key or
 * password and may sudo with that password; {@value #REFUSED_USER} logs in the same way but is
 * not in sudoers.
 */
final class TestUsers
{
    static final String USER = "kiln";
    static final String REFUSED_USER = "nosudo";
    static final String PASSWORD = "kiln-test-Pa55word";
    static final int USER_ID = 4201;
    static final int REFUSED_USER_ID = 4202;

    private final String passwd;
    private final String shadow;
    private final String group;

    private TestUsers(String passwd, String shadow, String group)
    {
        this.passwd = passwd;
        this.shadow = shadow;
        this.group = group;
    }

    /** Reads the machine's files and adds the test users; hashes the password once (openssl passwd -6). */
    static TestUsers create()
    {
        try {
            String hash = hash(PASSWORD);
            return new TestUsers(
                    Files.readString(Path.of("/etc/passwd"))
                            + USER + ":x:" + USER_ID + ":" + USER_ID + ":Kiln test user:/home/" + USER + ":/bin/sh\n"
                            + REFUSED_USER + ":x:" + REFUSED_USER_ID + ":" + REFUSED_USER_ID + ":Kiln test user without sudo:/home/" + REFUSED_USER + ":/bin/sh\n",
                    Files.readString(Path.of("/etc/shadow"))
                            + USER + ":" + hash + ":19000:0:99999:7:::\n"
                            + REFUSED_USER + ":" + hash + ":19000:0:99999:7:::\n",
                    Files.readString(Path.of("/etc/group"))
                            + USER + ":x:" + USER_ID + ":\n"
                            + REFUSED_USER + ":x:" + REFUSED_USER_ID + ":\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the machine's user database", e);
        }
    }

    String passwd()
    {
        return passwd;
    }

    String shadow()
    {
        return shadow;
    }

    String group()
    {
        return group;
    }

    void createHomes(Path home)
            throws IOException
    {
        for (String user : new String[] {USER, REFUSED_USER}) {
            Path directory = Files.createDirectories(home.resolve(user));
            int id = user.equals(USER) ? USER_ID : REFUSED_USER_ID;
            Files.setAttribute(directory, "unix:uid", id);
            Files.setAttribute(directory, "unix:gid", id);
        }
    }

    private static String hash(String password)
            throws IOException
    {
        Process process = new ProcessBuilder("openssl", "passwd", "-6", "-stdin").redirectErrorStream(true).start();
        process.getOutputStream().write((password + "\n").getBytes());
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.startsWith("$6$")) {
                throw new IOException("openssl passwd failed: " + output);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing the test password", e);
        }
        return output;
    }
}
